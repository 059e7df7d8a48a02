//! What net_tls adds around a plain rustls connection:
//! - the `'keylog'` lines (NSS key log format) rustls reports while a connection with a
//!   listener processes records, collected through a thread-local sink so that a shared
//!   `ServerConfig` still routes each line to the connection being processed;
//! - client session resumption: every ticket (TLS 1.3) or session (TLS 1.2) rustls keeps is put
//!   in a process-wide table and JS gets an opaque id for it (the `'session'` event's Buffer);
//!   a connection given that Buffer back (`session` option) offers that ticket;
//! - server configs shared by every connection with the same key material, so that the
//!   server's session cache (and with it resumption) outlives one connection, and so that
//!   certificates are parsed once rather than per handshake;
//! - the state of a server connection whose ClientHello is read before its certificate is
//!   chosen (`SNICallback`): rustls' `Acceptor`.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rustls::NamedGroup;
use rustls::client::{ClientSessionStore, Tls12ClientSessionValue, Tls13ClientSessionValue};
use rustls::pki_types::ServerName;
use rustls::server::{Accepted, Acceptor};

// ===== key log =====

thread_local! {
    static SINK: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    static VERIFY_ERROR: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// A shared verifier's verdict for the connection being processed (see `with_sinks`).
pub(super) fn report_verify_error(code: &'static str) {
    VERIFY_ERROR.with(|c| c.set(Some(code)));
}

/// The `KeyLog` every config carries: it writes only while `with_keylog` collects.
#[derive(Debug)]
pub(super) struct SinkLog;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl rustls::KeyLog for SinkLog {
    fn log(&self, label: &str, client_random: &[u8], secret: &[u8]) {
        if !self.will_log(label) {
            return;
        }
        SINK.with(|s| {
            if let Some(lines) = s.borrow_mut().as_mut() {
                lines.push(format!("{label} {} {}\n", hex(client_random), hex(secret)));
            }
        });
    }

    fn will_log(&self, label: &str) -> bool {
        // rustls derives the early traffic secret of every resumption; OpenSSL logs it only
        // with early data, which is never offered here.
        label != "CLIENT_EARLY_TRAFFIC_SECRET" && SINK.with(|s| s.borrow().is_some())
    }
}

/// Runs `f` (which drives one connection) and returns, besides its result, the key log lines
/// it produced (if `on`) and the verify error the verifier reported meanwhile.
pub(super) fn with_sinks<R>(
    on: bool,
    f: impl FnOnce() -> R,
) -> (R, Vec<String>, Option<&'static str>) {
    VERIFY_ERROR.with(|c| c.set(None));
    if on {
        SINK.with(|s| *s.borrow_mut() = Some(Vec::new()));
    }
    let r = f();
    let lines = if on {
        SINK.with(|s| s.borrow_mut().take()).unwrap_or_default()
    } else {
        Vec::new()
    };
    (r, lines, VERIFY_ERROR.with(|c| c.take()))
}

// ===== client sessions =====

enum Stored {
    Tls13(Tls13ClientSessionValue),
    Tls12(Tls12ClientSessionValue),
}

/// At most this many sessions are kept; the oldest go first.
const MAX_SESSIONS: usize = 4096;
/// The first bytes of a session Buffer, so a foreign one (Node's DER) is told apart.
const MAGIC: &[u8; 8] = b"EDDYTLS1";

fn table() -> &'static Mutex<BTreeMap<u64, Stored>> {
    static T: OnceLock<Mutex<BTreeMap<u64, Stored>>> = OnceLock::new();
    T.get_or_init(|| Mutex::new(BTreeMap::new()))
}

fn keep(value: Stored) -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut t = table().lock().unwrap_or_else(|p| p.into_inner());
    while t.len() >= MAX_SESSIONS {
        t.pop_first();
    }
    t.insert(id, value);
    id
}

/// The newest of `fresh` takes `id`'s place (the others go).
pub(super) fn replace_session(id: u64, fresh: &[u64]) {
    let mut t = table().lock().unwrap_or_else(|p| p.into_inner());
    let mut newest = None;
    for f in fresh {
        newest = t.remove(f).or(newest);
    }
    if let Some(value) = newest {
        t.insert(id, value);
    }
}

/// The Buffer JS gets for a session id.
pub(super) fn session_bytes(id: u64) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&id.to_le_bytes());
    out
}

/// The session id in a Buffer from `session_bytes`, if it is one.
pub(super) fn session_id(bytes: &[u8]) -> Option<u64> {
    let rest = bytes.strip_prefix(MAGIC)?;
    Some(u64::from_le_bytes(rest.try_into().ok()?))
}

/// One client connection's store: offers the session it was given and records the new ones.
#[derive(Debug, Default)]
pub(super) struct SessionStore {
    offer: Option<u64>,
    fresh: Mutex<Vec<u64>>,
}

impl SessionStore {
    pub(super) fn new(offer: Option<u64>) -> Self {
        Self {
            offer,
            fresh: Mutex::new(Vec::new()),
        }
    }

    /// The sessions stored since the last call.
    pub(super) fn take_fresh(&self) -> Vec<u64> {
        std::mem::take(&mut *self.fresh.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// The session this connection was given to offer.
    pub(super) fn offer(&self) -> Option<u64> {
        self.offer
    }

    /// The newest of the sessions not yet taken.
    pub(super) fn last_fresh(&self) -> Option<u64> {
        self.fresh
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .last()
            .copied()
    }

    fn record(&self, value: Stored) {
        let id = keep(value);
        self.fresh
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(id);
    }
}

impl ClientSessionStore for SessionStore {
    fn set_kx_hint(&self, _: ServerName<'static>, _: NamedGroup) {}

    fn kx_hint(&self, _: &ServerName<'_>) -> Option<NamedGroup> {
        None
    }

    fn set_tls12_session(&self, _: ServerName<'static>, value: Tls12ClientSessionValue) {
        self.record(Stored::Tls12(value));
    }

    fn tls12_session(&self, _: &ServerName<'_>) -> Option<Tls12ClientSessionValue> {
        let t = table().lock().unwrap_or_else(|p| p.into_inner());
        match t.get(&self.offer?) {
            Some(Stored::Tls12(v)) => Some(v.clone()),
            _ => None,
        }
    }

    fn remove_tls12_session(&self, _: &ServerName<'static>) {}

    fn insert_tls13_ticket(&self, _: ServerName<'static>, value: Tls13ClientSessionValue) {
        self.record(Stored::Tls13(value));
    }

    fn take_tls13_ticket(&self, _: &ServerName<'static>) -> Option<Tls13ClientSessionValue> {
        // A TLS 1.3 ticket is good for one resumption (rustls' server forgets it once used).
        let mut t = table().lock().unwrap_or_else(|p| p.into_inner());
        let id = self.offer?;
        match t.remove(&id) {
            Some(Stored::Tls13(v)) => Some(v),
            Some(other) => {
                t.insert(id, other);
                None
            }
            None => None,
        }
    }
}

// ===== shared configs =====

type Configs<T> = RefCell<HashMap<Vec<u8>, Arc<T>>>;

thread_local! {
    static SERVER_CONFIGS: Configs<rustls::ServerConfig> = RefCell::new(HashMap::new());
    static CLIENT_CONFIGS: Configs<rustls::ClientConfig> = RefCell::new(HashMap::new());
}

/// Configs kept at most of each side (a program with more distinct contexts builds the rest
/// anew, and its sessions resume less).
const MAX_CONFIGS: usize = 64;

fn cached<T>(
    configs: &'static std::thread::LocalKey<Configs<T>>,
    key: Vec<u8>,
    make: impl FnOnce() -> Result<T, String>,
) -> Result<Arc<T>, String> {
    if let Some(c) = configs.with(|m| m.borrow().get(&key).cloned()) {
        return Ok(c);
    }
    let config = Arc::new(make()?);
    configs.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= MAX_CONFIGS {
            m.clear();
        }
        m.insert(key, config.clone());
    });
    Ok(config)
}

/// The server config for `key` (everything it is built from), built by `make` the first time.
pub(super) fn server_config(
    key: Vec<u8>,
    make: impl FnOnce() -> Result<rustls::ServerConfig, String>,
) -> Result<Arc<rustls::ServerConfig>, String> {
    cached(&SERVER_CONFIGS, key, make)
}

/// The same for a client.
pub(super) fn client_config(
    key: Vec<u8>,
    make: impl FnOnce() -> Result<rustls::ClientConfig, String>,
) -> Result<Arc<rustls::ClientConfig>, String> {
    cached(&CLIENT_CONFIGS, key, make)
}

// ===== reading the ClientHello first =====

/// A server that has no certificate of its own: its handshakes need a context from the
/// SNICallback (without one, rustls finds no certificate and fails the handshake).
pub(super) fn no_cert_config() -> Result<Arc<rustls::ServerConfig>, String> {
    #[derive(Debug)]
    struct NoCert;
    impl rustls::server::ResolvesServerCert for NoCert {
        fn resolve(
            &self,
            _: rustls::server::ClientHello<'_>,
        ) -> Option<Arc<rustls::sign::CertifiedKey>> {
            None
        }
    }
    let mut config = rustls::ServerConfig::builder_with_provider(super::provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_no_client_auth()
        .with_cert_resolver(Arc::new(NoCert));
    config.key_log = Arc::new(SinkLog);
    Ok(Arc::new(config))
}

/// A server connection before its config is chosen.
pub(super) struct Accepting {
    pub(super) acceptor: Acceptor,
    /// The ClientHello read, while JS's SNICallback decides.
    pub(super) accepted: Option<Accepted>,
    /// Bytes that came after the ClientHello meanwhile.
    pub(super) pending: Vec<u8>,
    /// The server's own config, for a hello without a name or a callback without a context.
    pub(super) default: Arc<rustls::ServerConfig>,
    /// JS hears of every hello, with a name or not (an ALPNCallback chooses the protocol).
    pub(super) every_hello: bool,
    /// JS hears of a hello that brings a session id ('resumeSession' listeners): the first
    /// bytes of the hello are kept to read it (rustls does not show it).
    pub(super) session_ids: bool,
    pub(super) hello_start: Vec<u8>,
}

/// How much of the hello is kept to read its session id and whether it brings a ticket: the
/// first record, at most.
const HELLO_START: usize = 5 + 16384;

impl Accepting {
    pub(super) fn new(
        default: Arc<rustls::ServerConfig>,
        every_hello: bool,
        session_ids: bool,
    ) -> Self {
        Self {
            acceptor: Acceptor::default(),
            accepted: None,
            pending: Vec::new(),
            default,
            every_hello,
            session_ids,
            hello_start: Vec::new(),
        }
    }

    /// Keeps what the session id needs of the hello's first bytes.
    pub(super) fn saw(&mut self, raw: &[u8]) {
        let b = &self.hello_start;
        // The first record only: its header says how long it is.
        let limit = match (b.get(3), b.get(4)) {
            (Some(hi), Some(lo)) => 5 + usize::from(u16::from_be_bytes([*hi, *lo])),
            _ => HELLO_START,
        };
        if self.session_ids && b.len() < limit.min(HELLO_START) {
            let n = (limit.min(HELLO_START) - b.len()).min(raw.len());
            self.hello_start.extend_from_slice(&raw[..n]);
        }
    }

    /// The legacy session id of the hello, for 'resumeSession': None when empty, not wanted,
    /// or when the hello brings a session ticket (that resumes by itself, as Node says).
    /// Record header, handshake header, version and random come before its length byte.
    pub(super) fn session_id(&self) -> Option<Vec<u8>> {
        let b = &self.hello_start;
        if !self.session_ids || b.first() != Some(&0x16) || b.get(5) != Some(&0x01) {
            return None;
        }
        let len = usize::from(*b.get(43)?);
        let id = b.get(44..44 + len)?;
        if id.is_empty() || hello_has_ticket(&b[44 + len..]) {
            return None;
        }
        Some(id.to_vec())
    }
}

/// Whether a ClientHello (from its cipher suites on) has a non-empty SessionTicket extension.
/// A hello cut short (longer than its first record) counts as having none.
fn hello_has_ticket(rest: &[u8]) -> bool {
    let u16_at = |b: &[u8], i: usize| -> Option<usize> {
        Some(usize::from(u16::from_be_bytes([
            *b.get(i)?,
            *b.get(i + 1)?,
        ])))
    };
    let find = || -> Option<bool> {
        let mut i = 2 + u16_at(rest, 0)?;
        i += 1 + usize::from(*rest.get(i)?);
        let end = (i + 2 + u16_at(rest, i)?).min(rest.len());
        i += 2;
        while i + 4 <= end {
            let (kind, len) = (u16_at(rest, i)?, u16_at(rest, i + 2)?);
            if kind == 0x0023 {
                return Some(len > 0);
            }
            i += 4 + len;
        }
        Some(false)
    };
    find().unwrap_or(false)
}

// ===== server session caches ('newSession' / 'resumeSession') =====

thread_local! {
    /// Sessions a server made while processing: (id, data) for 'newSession'.
    static NEW_SESSIONS: RefCell<Vec<(Vec<u8>, Vec<u8>)>> = const { RefCell::new(Vec::new()) };
}

/// The sessions stored since the last take are not told (see `ticket_issued`).
pub(super) fn drop_new_sessions() {
    NEW_SESSIONS.with(|n| n.borrow_mut().clear());
}

/// The sessions stored since the last call.
pub(super) fn take_new_sessions() -> Vec<(Vec<u8>, Vec<u8>)> {
    NEW_SESSIONS.with(|n| std::mem::take(&mut *n.borrow_mut()))
}

/// The session store of a server whose sessions JS keeps ('newSession' listeners): as Node
/// turns OpenSSL's internal cache off then, nothing is kept here; each new session goes to JS
/// and comes back only through 'resumeSession'.
#[derive(Debug)]
pub(super) struct JsSessions;

impl rustls::server::StoresServerSessions for JsSessions {
    fn put(&self, key: Vec<u8>, value: Vec<u8>) -> bool {
        NEW_SESSIONS.with(|n| n.borrow_mut().push((key, value)));
        true
    }

    fn get(&self, _: &[u8]) -> Option<Vec<u8>> {
        None
    }

    fn take(&self, _: &[u8]) -> Option<Vec<u8>> {
        None
    }

    fn can_cache(&self) -> bool {
        true
    }
}

/// The session 'resumeSession' found for a hello's id, in front of the config's own store.
#[derive(Debug)]
pub(super) struct Resumed {
    pub(super) id: Vec<u8>,
    pub(super) data: Vec<u8>,
    pub(super) inner: Arc<dyn rustls::server::StoresServerSessions>,
}

impl rustls::server::StoresServerSessions for Resumed {
    fn put(&self, key: Vec<u8>, value: Vec<u8>) -> bool {
        self.inner.put(key, value)
    }

    fn get(&self, key: &[u8]) -> Option<Vec<u8>> {
        if key == self.id {
            return Some(self.data.clone());
        }
        self.inner.get(key)
    }

    fn take(&self, key: &[u8]) -> Option<Vec<u8>> {
        if key == self.id {
            return Some(self.data.clone());
        }
        self.inner.take(key)
    }

    fn can_cache(&self) -> bool {
        self.inner.can_cache()
    }
}

// ===== server session tickets =====

thread_local! {
    /// The server connection being processed resumes a session: it issues no new ticket, as
    /// OpenSSL's server issues none on a resumed handshake (rustls would send fresh ones, and
    /// the client would hear a 'session' event Node's never does there).
    static RESUMING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the connection about to be processed is known to resume (`feed` sets it before each
/// record; a ticket decrypted while processing sets it too: a TLS 1.2 server answers the
/// ClientHello that resumes with its whole flight at once).
pub(super) fn set_resuming(on: bool) {
    RESUMING.with(|r| r.set(on));
}

thread_local! {
    /// A ticket was sealed while the connection being processed was (see `ticket_issued`).
    static TICKET_ISSUED: Cell<bool> = const { Cell::new(false) };
}

/// Whether a ticket was sealed since the last call. A TLS 1.2 server that gives the client a
/// ticket also stores the session by id in rustls; OpenSSL gives such a session no id, so
/// 'newSession' does not hear of it.
pub(super) fn ticket_issued() -> bool {
    TICKET_ISSUED.with(|t| t.replace(false))
}

/// A server's session tickets, sealed with its 48 ticket-key bytes (Node's `ticketKeys`: a
/// 16-byte name, then 32 bytes of secrets): ChaCha20-Poly1305 under the secrets, with the name
/// in front of each ticket so that one sealed under other keys is refused at once. Every server
/// (in any process) given the same keys resumes the others' tickets, as in Node.
pub(super) struct KeyTicketer {
    name: [u8; 16],
    cipher: chacha20poly1305::ChaCha20Poly1305,
    lifetime: u32,
}

impl std::fmt::Debug for KeyTicketer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyTicketer").finish_non_exhaustive()
    }
}

const NONCE: usize = 12;

impl KeyTicketer {
    /// None unless `keys` is 48 bytes.
    pub(super) fn new(keys: &[u8], lifetime: u32) -> Option<Self> {
        use chacha20poly1305::KeyInit;
        if keys.len() != 48 {
            return None;
        }
        let cipher = chacha20poly1305::ChaCha20Poly1305::new_from_slice(&keys[16..]).ok()?;
        Some(Self {
            name: keys[..16].try_into().ok()?,
            cipher,
            lifetime,
        })
    }
}

impl rustls::server::ProducesTickets for KeyTicketer {
    fn enabled(&self) -> bool {
        true
    }

    fn lifetime(&self) -> u32 {
        self.lifetime
    }

    fn encrypt(&self, plain: &[u8]) -> Option<Vec<u8>> {
        use chacha20poly1305::aead::{Aead, Payload};
        use rand_core::RngCore;
        if RESUMING.with(Cell::get) {
            return None;
        }
        let mut nonce = [0u8; NONCE];
        rand_core::OsRng.fill_bytes(&mut nonce);
        let sealed = self
            .cipher
            .encrypt(
                (&nonce).into(),
                Payload {
                    msg: plain,
                    aad: &self.name,
                },
            )
            .ok()?;
        TICKET_ISSUED.with(|t| t.set(true));
        let mut out = Vec::with_capacity(16 + NONCE + sealed.len());
        out.extend_from_slice(&self.name);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Some(out)
    }

    fn decrypt(&self, ticket: &[u8]) -> Option<Vec<u8>> {
        use chacha20poly1305::aead::{Aead, Payload};
        let rest = ticket.strip_prefix(&self.name[..])?;
        if rest.len() < NONCE {
            return None;
        }
        let (nonce, sealed) = rest.split_at(NONCE);
        let nonce: &[u8; NONCE] = nonce.try_into().ok()?;
        let plain = self
            .cipher
            .decrypt(
                nonce.into(),
                Payload {
                    msg: sealed,
                    aad: &self.name,
                },
            )
            .ok()?;
        set_resuming(true);
        Some(plain)
    }
}
