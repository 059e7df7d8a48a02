//! TLS on rustls (with the ring provider), as a layer of a net socket handle: `startTls` turns
//! a connected socket into a TLS client or server. From then on the bytes read from the socket
//! go through rustls and JS gets the plaintext (`EV_DATA`), `EV_SECURE` once the handshake is
//! done and `EV_TLS_ERROR` if it fails; writes are encrypted before they reach the socket's
//! queue. The poll phase, the queue and the events stay the socket's own (net.rs).
//!
//! Certificates are verified by rustls-webpki against the system store (the PEM bundle in
//! /etc/ssl/certs) plus `NODE_EXTRA_CA_CERTS`, or the `ca` given. As in Node, a failed chain
//! becomes `authorizationError` (with Node's code) and fails the handshake only with
//! `rejectUnauthorized`; the host name is checked in JS (`checkServerIdentity`) from the
//! certificate details `peerCertificate` gives.

use std::cell::RefMut;
use std::io::{Read, Write};
use std::rc::Rc;
use std::sync::{Arc, Mutex, OnceLock};

use eddy_runtime::{js_string, set_fn, set_value, v8};

use config::{client, read_options, server};

use crate::net::{EV_DATA, EV_EOF, Socket};

#[path = "net_tls_cert.rs"]
mod cert;
#[path = "net_tls_config.rs"]
mod config;
#[path = "net_tls_engine.rs"]
mod engine;
#[path = "net_tls_extra.rs"]
mod extra;
#[path = "net_tls_sigalgs.rs"]
mod sigalgs;
#[path = "net_tls_sni.rs"]
mod sni;
#[path = "net_tls_verify.rs"]
mod verify;

/// The handshake finished: value is `{ protocol, cipher, alpn, authorized, authorizationError,
/// servername }`.
pub(crate) const EV_SECURE: i32 = 10;
/// The TLS layer failed: value is `{ message, code }`.
pub(crate) const EV_TLS_ERROR: i32 = 11;
/// A key log line (NSS format, with its newline): value is an ArrayBuffer.
const EV_KEYLOG: i32 = 12;
/// A client got a session it can resume: value is the session's ArrayBuffer.
const EV_SESSION: i32 = 13;
/// A server read a ClientHello with a name (`sni` option), or any ClientHello
/// (`alpnCallback`): value is `{ servername, protocols }` (each undefined when the hello has
/// none). The handshake waits for `tlsAccept`.
const EV_HELLO: i32 = 14;
/// An engine's ciphertext for the peer (net_tls_engine): value is an ArrayBuffer.
const EV_CIPHER: i32 = 15;
/// A server made a session ('newSession' listeners): value is `{ id, data }` (ArrayBuffers).
const EV_NEW_SESSION: i32 = 16;

/// What a TLS session runs over: a net socket (its bytes), or an engine whose ciphertext JS
/// carries over any Duplex (net_tls_engine). Everything below works on either.
pub(crate) trait Carrier {
    /// The session (None before it starts).
    fn tls(&self) -> RefMut<'_, Option<Box<Tls>>>;
    /// Ciphertext (records, alerts) for the peer.
    fn send(&self, data: &[u8]);
    /// An event for JS's `onevent(kind, value)`.
    fn emit_event<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        kind: i32,
        value: v8::Local<'s, v8::Value>,
    );
}

impl Carrier for Socket {
    fn tls(&self) -> RefMut<'_, Option<Box<Tls>>> {
        RefMut::map(self.state.borrow_mut(), |s| &mut s.tls)
    }

    fn send(&self, data: &[u8]) {
        self.write_raw(data);
    }

    fn emit_event<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        kind: i32,
        value: v8::Local<'s, v8::Value>,
    ) {
        self.emit(scope, kind, value);
    }
}

pub(crate) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "startTls", start_tls);
    set_fn(scope, target, "peerCertificates", peer_certificates);
    set_fn(scope, target, "parseCertificate", cert::parse_certificate);
    set_fn(scope, target, "setKeylog", set_keylog);
    set_fn(scope, target, "setMaxSendFragment", set_max_send_fragment);
    set_fn(scope, target, "tlsReceive", tls_receive);
    set_fn(
        scope,
        target,
        "exportKeyingMaterial",
        export_keying_material,
    );
    set_fn(scope, target, "tlsAccept", sni::tls_accept);
    engine::init(scope, target);
    let events = v8::Object::new(scope);
    for (name, value) in [
        ("KEYLOG", EV_KEYLOG),
        ("SESSION", EV_SESSION),
        ("HELLO", EV_HELLO),
        ("CIPHER", EV_CIPHER),
        ("NEW_SESSION", EV_NEW_SESSION),
    ] {
        let v = v8::Integer::new(scope, value);
        set_value(scope, events, name, v.into());
    }
    set_value(scope, target, "tlsEvents", events.into());
}

/// A socket's TLS state.
pub(crate) struct Tls {
    conn: rustls::Connection,
    secure_emitted: bool,
    /// Why the peer's chain did not verify (Node's code), when it did not.
    verify_error: Arc<Mutex<Option<&'static str>>>,
    failed: bool,
    /// Key log lines go to JS (someone listens for 'keylog').
    keylog: bool,
    /// Some input came before (see `not_tls`).
    seen_input: bool,
    /// A client's sessions (see net_tls_extra).
    store: Option<Arc<extra::SessionStore>>,
    /// A server still reading the ClientHello, or waiting on the SNICallback (`conn` is a
    /// placeholder until then).
    accepting: Option<Box<extra::Accepting>>,
    /// Where the peer's record boundaries fall in the byte stream.
    pub(super) records: Records,
    /// The largest plaintext record this side sends (`setMaxSendFragment`).
    max_send_fragment: usize,
    /// The signature schemes this side allows (`sigalgs`), and whether a server prefers its
    /// own order; the peer's list once heard (see net_tls_sigalgs).
    sigalgs: Option<Vec<u16>>,
    sigalgs_ours_first: bool,
    pub(super) peer_sigalgs: Option<Vec<u16>>,
}

/// Splits ciphertext at TLS record boundaries, so that rustls gets one record at a time and
/// every record's plaintext is a 'data' event of its own, as OpenSSL reads them: a peer's
/// separate writes stay separate (a protocol that hands the socket over after its first
/// message, e.g. a CONNECT head followed by an inner TLS hello, relies on that).
#[derive(Default)]
pub(super) struct Records {
    header: [u8; 5],
    header_len: usize,
    body_left: usize,
}

impl Records {
    /// How many of `raw`'s first bytes make up to the end of the current record (or all of
    /// `raw` when the record goes on past it).
    pub(super) fn next_chunk(&mut self, raw: &[u8]) -> usize {
        let mut n = 0;
        while n < raw.len() {
            if self.body_left > 0 {
                let k = self.body_left.min(raw.len() - n);
                n += k;
                self.body_left -= k;
                if self.body_left == 0 {
                    break;
                }
            } else {
                self.header[self.header_len] = raw[n];
                self.header_len += 1;
                n += 1;
                if self.header_len == self.header.len() {
                    self.header_len = 0;
                    self.body_left =
                        usize::from(u16::from_be_bytes([self.header[3], self.header[4]]));
                    if self.body_left == 0 {
                        break;
                    }
                }
            }
        }
        n
    }
}

pub(super) fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    static P: OnceLock<Arc<rustls::crypto::CryptoProvider>> = OnceLock::new();
    // ring rather than aws-lc-rs: ring builds with just a C compiler (aws-lc needs cmake), so
    // the README's two commands stay the whole set-up. (Deprecated only for lacking the
    // post-quantum key exchanges.)
    #[allow(deprecated)]
    P.get_or_init(|| {
        // OpenSSL's order of key exchange groups (ring's default puts P-384 first): X25519 is
        // what Node negotiates, and the cheapest.
        use rustls::crypto::ring::kx_group;
        let mut p = rustls::crypto::ring::default_provider();
        p.kx_groups = vec![kx_group::X25519, kx_group::SECP256R1, kx_group::SECP384R1];
        Arc::new(p)
    })
    .clone()
}

/// `startTls(token, isServer, host, options)` → 0, or an error message.
fn start_tls(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(socket) = crate::net::socket_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let is_server = args.get(1).is_true();
    let host = args.get(2).to_rust_string_lossy(scope);
    match new_session(scope, is_server, &host, args.get(3)) {
        Ok(tls) => {
            *socket.tls() = Some(tls);
            // A client speaks first.
            pump_out(&*socket);
            socket.update_active(scope);
            rv.set_int32(0);
        }
        Err(Err(errno)) => rv.set_int32(errno),
        Err(Ok(message)) => {
            let m = js_string(scope, &message);
            rv.set(m.into());
        }
    }
}

/// A client or server session for `options` (as JS gives them): the message of a bad
/// configuration, or a negative errno for options that are no object.
fn new_session(
    scope: &mut v8::PinScope,
    is_server: bool,
    host: &str,
    options: v8::Local<v8::Value>,
) -> Result<Box<Tls>, Result<String, i32>> {
    let Some(o) = read_options(scope, options) else {
        return Err(Err(-libc::EINVAL));
    };
    let error = Arc::new(Mutex::new(None));
    let store = (!is_server).then(|| Arc::new(extra::SessionStore::new(o.session)));
    let mut accepting = None;
    let made = match &store {
        Some(store) => client(&o, host, store.clone()),
        None => {
            // A server whose SNICallback brings every certificate starts without one.
            let config = if o.sni && (o.cert.is_none() || o.key.is_none()) {
                extra::no_cert_config()
            } else {
                server(&o)
            };
            config.and_then(|config| {
                if o.sni || o.alpn_callback || o.resume_session {
                    let every = o.alpn_callback;
                    accepting = Some(Box::new(extra::Accepting::new(
                        config.clone(),
                        every,
                        o.resume_session,
                    )));
                }
                rustls::ServerConnection::new(config)
                    .map(rustls::Connection::Server)
                    .map_err(|e| e.to_string())
            })
        }
    };
    let mut conn = made.map_err(Ok)?;
    conn.set_buffer_limit(None);
    Ok(Box::new(Tls {
        conn,
        secure_emitted: false,
        verify_error: error,
        failed: false,
        seen_input: false,
        keylog: o.keylog,
        store,
        accepting,
        records: Records::default(),
        max_send_fragment: 16384,
        sigalgs_ours_first: is_server && o.honor_order(),
        sigalgs: o.sigalgs,
        peer_sigalgs: None,
    }))
}

/// Move the TLS records rustls has ready into the carrier's write path.
fn pump_out<C: Carrier + ?Sized>(socket: &C) {
    let mut out = Vec::new();
    {
        let mut t = socket.tls();
        let Some(tls) = t.as_mut() else { return };
        while tls.conn.wants_write() {
            if tls.conn.write_tls(&mut out).is_err() {
                break;
            }
        }
        // A TLS 1.2 server refusing a client without a certificate: rustls alerts with 1.3's
        // certificate_required, OpenSSL (and so what Node's clients expect) with
        // handshake_failure. The alert is still in plaintext there.
        const CERT_REQUIRED: [u8; 7] = [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 116];
        if tls.conn.protocol_version() == Some(rustls::ProtocolVersion::TLSv1_2)
            && matches!(tls.conn, rustls::Connection::Server(_))
            && out.ends_with(&CERT_REQUIRED)
        {
            let last = out.len() - 1;
            out[last] = 40;
        }
    }
    if !out.is_empty() {
        socket.send(&out);
    }
}

fn protocol_name(v: Option<rustls::ProtocolVersion>) -> &'static str {
    match v {
        Some(rustls::ProtocolVersion::TLSv1_3) => "TLSv1.3",
        Some(rustls::ProtocolVersion::TLSv1_2) => "TLSv1.2",
        _ => "unknown",
    }
}

fn secure_info<'s>(scope: &mut v8::PinScope<'s, '_>, tls: &Tls) -> v8::Local<'s, v8::Value> {
    let obj = v8::Object::new(scope);
    let p = js_string(scope, protocol_name(tls.conn.protocol_version()));
    set_value(scope, obj, "protocol", p.into());
    let cipher = tls
        .conn
        .negotiated_cipher_suite()
        .map(|s| {
            let name = format!("{:?}", s.suite());
            name.strip_prefix("TLS13_")
                .map_or(name.clone(), |n| format!("TLS_{n}"))
        })
        .unwrap_or_default();
    let c = js_string(scope, &cipher);
    set_value(scope, obj, "cipher", c.into());
    let alpn: v8::Local<v8::Value> = match tls.conn.alpn_protocol() {
        Some(p) => js_string(scope, &String::from_utf8_lossy(p)).into(),
        None => v8::Boolean::new(scope, false).into(),
    };
    set_value(scope, obj, "alpn", alpn);
    let err = *tls.verify_error.lock().unwrap_or_else(|p| p.into_inner());
    let is_server = matches!(tls.conn, rustls::Connection::Server(_));
    let has_peer = tls.conn.peer_certificates().is_some_and(|c| !c.is_empty());
    let authorized = err.is_none() && (!is_server || has_peer);
    let a = v8::Boolean::new(scope, authorized);
    set_value(scope, obj, "authorized", a.into());
    let e: v8::Local<v8::Value> = match err {
        Some(code) => js_string(scope, code).into(),
        None => v8::null(scope).into(),
    };
    set_value(scope, obj, "authorizationError", e);
    // A TLS 1.2 session is whole with the handshake: getSession() gives it from
    // 'secureConnect' on, though its 'session' event comes just after. A connection that
    // resumed and got no new session is in the one it was given, as with OpenSSL.
    let reused = tls.conn.handshake_kind() == Some(rustls::HandshakeKind::Resumed);
    let session = tls.store.as_ref().and_then(|st| {
        if reused {
            st.offer().or_else(|| st.last_fresh())
        } else {
            st.last_fresh()
        }
    });
    if let Some(id) = session {
        let b = crate::fs::bytes_to_js(scope, extra::session_bytes(id));
        set_value(scope, obj, "session", b);
    }
    if let Some(group) = tls.conn.negotiated_key_exchange_group() {
        let g = js_string(scope, &format!("{:?}", group.name()));
        set_value(scope, obj, "kx", g.into());
    }
    if let Some(peer) = &tls.peer_sigalgs {
        let shared = sigalgs::shared(peer, tls.sigalgs.as_deref(), tls.sigalgs_ours_first);
        let items: Vec<v8::Local<v8::Value>> = shared
            .iter()
            .map(|c| v8::Integer::new_from_unsigned(scope, u32::from(*c)).into())
            .collect();
        let arr = v8::Array::new_with_elements(scope, &items);
        set_value(scope, obj, "sharedSigalgs", arr.into());
    }
    let r = v8::Boolean::new(scope, reused);
    set_value(scope, obj, "reused", r.into());
    if let rustls::Connection::Server(s) = &tls.conn
        && let Some(name) = s.server_name()
    {
        let n = js_string(scope, name);
        set_value(scope, obj, "servername", n.into());
    }
    obj.into()
}

/// Bytes read from the socket: into rustls; out come `EV_SECURE`, plaintext and EOF (and the
/// key log lines and new sessions of the records processed).
pub(crate) fn on_input(socket: &Rc<Socket>, scope: &mut v8::PinScope, raw: &[u8]) {
    feed(&**socket, scope, raw);
}

/// Ciphertext from the peer, on either carrier (see `on_input`).
fn feed<C: Carrier + ?Sized>(socket: &C, scope: &mut v8::PinScope, raw: &[u8]) {
    let accepting = socket.tls().as_ref().is_some_and(|t| t.accepting.is_some());
    if accepting {
        sni::accept_input(socket, scope, raw);
        return;
    }
    // Each record's plaintext, apart.
    let mut plain: Vec<Vec<u8>> = Vec::new();
    let mut eof = false;
    let mut failure: Option<String> = None;
    let (lines, silent) = {
        let mut t = socket.tls();
        let Some(tls) = t.as_mut() else { return };
        if tls.failed {
            return;
        }
        let conn = &mut tls.conn;
        let records = &mut tls.records;
        let ((), lines, verify_error) = extra::with_sinks(tls.keylog, || {
            let mut rest = raw;
            let mut buf = [0u8; 16384];
            while !rest.is_empty() && failure.is_none() && !eof {
                let (mut rd, after) = rest.split_at(records.next_chunk(rest));
                rest = after;
                while !rd.is_empty() && failure.is_none() {
                    match conn.read_tls(&mut rd) {
                        Ok(0) => break,
                        Ok(_) => {}
                        Err(e) => failure = Some(e.to_string()),
                    }
                }
                if failure.is_some() {
                    break;
                }
                extra::set_resuming(
                    matches!(conn, rustls::Connection::Server(_))
                        && conn.handshake_kind() == Some(rustls::HandshakeKind::Resumed),
                );
                extra::ticket_issued();
                if let Err(e) = conn.process_new_packets() {
                    failure = Some(e.to_string());
                }
                if extra::ticket_issued()
                    && conn.protocol_version() == Some(rustls::ProtocolVersion::TLSv1_2)
                {
                    extra::drop_new_sessions();
                }
                let mut record = Vec::new();
                loop {
                    match conn.reader().read(&mut buf) {
                        Ok(0) => {
                            eof = true;
                            break;
                        }
                        Ok(n) => record.extend_from_slice(&buf[..n]),
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                        Err(_) => {
                            eof = true;
                            break;
                        }
                    }
                }
                if !record.is_empty() {
                    plain.push(record);
                }
            }
        });
        if let Some(code) = verify_error {
            *tls.verify_error.lock().unwrap_or_else(|p| p.into_inner()) = Some(code);
        }
        if let Some(peer) = sigalgs::take_peer() {
            tls.peer_sigalgs = Some(peer);
        }
        let silent = failure.is_some() && !tls.seen_input && not_tls(raw);
        tls.seen_input = true;
        if failure.is_some() {
            tls.failed = true;
        }
        (lines, silent)
    };
    // Handshake answers, alerts and plaintext written meanwhile go out.
    if !silent {
        pump_out(socket);
    }
    emit_keylog(socket, scope, lines);
    let secure = {
        let mut t = socket.tls();
        match t.as_mut() {
            Some(tls) if !tls.secure_emitted && !tls.conn.is_handshaking() && failure.is_none() => {
                tls.secure_emitted = true;
                true
            }
            _ => false,
        }
    };
    if secure {
        let info = {
            let t = socket.tls();
            t.as_deref().map(|tls| secure_info(scope, tls))
        };
        if let Some(info) = info {
            socket.emit_event(scope, EV_SECURE, info);
        }
    }
    let sessions = {
        let t = socket.tls();
        match t.as_ref() {
            Some(tls) => match tls.store.as_ref() {
                Some(st) => {
                    let fresh = st.take_fresh();
                    // rustls stores a TLS 1.2 session again when it resumes (with a renewed
                    // ticket if the server sent one): that is the session the connection was
                    // given, still, and OpenSSL reports no new one for it.
                    let resumed12 = tls.conn.handshake_kind()
                        == Some(rustls::HandshakeKind::Resumed)
                        && tls.conn.protocol_version() == Some(rustls::ProtocolVersion::TLSv1_2);
                    match st.offer() {
                        Some(offer) if resumed12 && !fresh.is_empty() => {
                            extra::replace_session(offer, &fresh);
                            Vec::new()
                        }
                        _ => fresh,
                    }
                }
                None => Vec::new(),
            },
            None => Vec::new(),
        }
    };
    for id in sessions {
        let b = crate::fs::bytes_to_js(scope, extra::session_bytes(id));
        socket.emit_event(scope, EV_SESSION, b);
    }
    for (id, data) in extra::take_new_sessions() {
        let obj = v8::Object::new(scope);
        let i = crate::fs::bytes_to_js(scope, id);
        set_value(scope, obj, "id", i);
        let d = crate::fs::bytes_to_js(scope, data);
        set_value(scope, obj, "data", d);
        socket.emit_event(scope, EV_NEW_SESSION, obj.into());
    }
    for record in plain {
        let store = v8::ArrayBuffer::new_backing_store_from_vec(record).make_shared();
        let ab = v8::ArrayBuffer::with_backing_store(scope, &store);
        socket.emit_event(scope, EV_DATA, ab.into());
    }
    if let Some(message) = failure {
        emit_failure(socket, scope, message);
        return;
    }
    if eof {
        socket.emit_event(scope, EV_EOF, v8::undefined(scope).into());
    }
}

/// Whether a connection's first bytes are no TLS record at all (plain HTTP, junk): OpenSSL
/// answers those with no alert, only the error, and so does this layer.
fn not_tls(first: &[u8]) -> bool {
    first.first().is_some_and(|b| !(0x14..=0x18).contains(b))
        || first.get(1).is_some_and(|v| *v != 3)
}

fn emit_keylog<C: Carrier + ?Sized>(socket: &C, scope: &mut v8::PinScope, lines: Vec<String>) {
    for line in lines {
        let store = v8::ArrayBuffer::new_backing_store_from_vec(line.into_bytes()).make_shared();
        let ab = v8::ArrayBuffer::with_backing_store(scope, &store);
        socket.emit_event(scope, EV_KEYLOG, ab.into());
    }
}

fn emit_failure<C: Carrier + ?Sized>(socket: &C, scope: &mut v8::PinScope, message: String) {
    let obj = v8::Object::new(scope);
    let m = js_string(scope, &message);
    set_value(scope, obj, "message", m.into());
    let code = socket
        .tls()
        .as_ref()
        .and_then(|t| *t.verify_error.lock().unwrap_or_else(|p| p.into_inner()));
    if let Some(code) = code {
        let c = js_string(scope, code);
        set_value(scope, obj, "code", c.into());
    }
    socket.emit_event(scope, EV_TLS_ERROR, obj.into());
}

/// `tlsReceive(token, view)`: ciphertext the socket read before TLS was put on it (a
/// `net.Socket` wrapped late holds it in its stream's buffer), taken as if just read.
fn tls_receive(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Some(socket) = crate::net::socket_arg(scope, &args) else {
        return;
    };
    let data = crate::buffer::view_bytes(scope, args.get(1)).to_vec();
    if socket.tls().is_some() {
        on_input(&socket, scope, &data);
    }
}

/// `exportKeyingMaterial(token, length, label, context)` → a Buffer of RFC 5705 keying
/// material (`context` undefined: none), or an error message.
fn export_keying_material(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(socket) = crate::net::socket_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let length = args.get(1).uint32_value(scope).unwrap_or(0) as usize;
    let label = args.get(2).to_rust_string_lossy(scope);
    let context = args
        .get(3)
        .is_array_buffer_view()
        .then(|| crate::buffer::view_bytes(scope, args.get(3)).to_vec());
    let made = {
        let t = socket.tls();
        match t.as_ref() {
            Some(tls) if !tls.conn.is_handshaking() => tls
                .conn
                .export_keying_material(vec![0u8; length], label.as_bytes(), context.as_deref())
                .map_err(|e| e.to_string()),
            _ => Err("TLS socket connection must be securely established".to_string()),
        }
    };
    match made {
        Ok(out) => rv.set(crate::fs::bytes_to_js(scope, out)),
        Err(message) => rv.set(js_string(scope, &message).into()),
    }
}

/// `setKeylog(token, on)`: whether key log lines go to JS from now on.
fn set_keylog(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let Some(socket) = crate::net::socket_arg(scope, &args) else {
        return;
    };
    if let Some(tls) = socket.tls().as_mut() {
        tls.keylog = args.get(1).is_true();
    }
}

/// `setMaxSendFragment(token, size)`: records this side sends carry at most `size` bytes of
/// plaintext from now on (JS checks the range, 512..=16384).
fn set_max_send_fragment(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Some(socket) = crate::net::socket_arg(scope, &args) else {
        return;
    };
    let size = args.get(1).uint32_value(scope).unwrap_or(16384);
    if let Some(tls) = socket.tls().as_mut() {
        tls.set_max_send_fragment(size);
    }
}

impl Tls {
    pub(super) fn set_max_send_fragment(&mut self, size: u32) {
        self.max_send_fragment = (size as usize).clamp(512, 16384);
    }
}

/// Plaintext to send: encrypted, then into the socket's queue. Returns what `write` does.
pub(crate) fn write(socket: &Rc<Socket>, data: &[u8]) -> i64 {
    if let Err(errno) = encrypt(&**socket, data) {
        return errno;
    }
    socket.state.borrow().queued_bytes() as i64
}

/// Plaintext to send, encrypted into the carrier's write path: Err(-errno) if it cannot be.
fn encrypt<C: Carrier + ?Sized>(socket: &C, data: &[u8]) -> Result<(), i64> {
    {
        let mut t = socket.tls();
        let Some(tls) = t.as_mut() else {
            return Err(-(libc::EBADF as i64));
        };
        // One write per record: rustls makes a record of each (at most its own maximum).
        for chunk in data.chunks(tls.max_send_fragment) {
            if tls.conn.writer().write_all(chunk).is_err() {
                return Err(-(libc::EIO as i64));
            }
        }
    }
    pump_out(socket);
    Ok(())
}

/// End of our side: a close_notify alert goes out before the socket's own shutdown.
pub(crate) fn close_notify(socket: &Rc<Socket>) {
    end(&**socket);
}

fn end<C: Carrier + ?Sized>(socket: &C) {
    {
        let mut t = socket.tls();
        let Some(tls) = t.as_mut() else { return };
        tls.conn.send_close_notify();
    }
    pump_out(socket);
}

/// `peerCertificates(token)` → [Uint8Array DER, ...] (leaf first) or undefined.
fn peer_certificates(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(socket) = crate::net::socket_arg(scope, &args) else {
        return;
    };
    if let Some(arr) = certificates(&*socket, scope) {
        rv.set(arr);
    }
}

fn certificates<'s, C: Carrier + ?Sized>(
    socket: &C,
    scope: &mut v8::PinScope<'s, '_>,
) -> Option<v8::Local<'s, v8::Value>> {
    let certs: Option<Vec<Vec<u8>>> = socket.tls().as_ref().and_then(|t| {
        t.conn
            .peer_certificates()
            .map(|c| c.iter().map(|d| d.as_ref().to_vec()).collect())
    });
    certs.map(|certs| {
        let items: Vec<v8::Local<v8::Value>> = certs
            .into_iter()
            .map(|c| crate::fs::bytes_to_js(scope, c))
            .collect();
        v8::Array::new_with_elements(scope, &items).into()
    })
}
