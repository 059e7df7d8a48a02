//! The rustls configs of net_tls's sessions, from the options JS gives (`tls.connect`,
//! `createServer`, a SecureContext's): trust (the system's roots, or `ca`), certificate and key,
//! versions, ALPN, ticket keys. Configs are shared by every connection with the same options
//! (net_tls_extra), keyed by everything they are built from.

use std::sync::{Arc, OnceLock};

use eddy_runtime::{js_string, v8};
use rustls::RootCertStore;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};

use super::{extra, provider, sigalgs, verify};

/// The system's trusted roots (and NODE_EXTRA_CA_CERTS), parsed once.
pub(super) fn system_roots() -> Arc<RootCertStore> {
    static ROOTS: OnceLock<Arc<RootCertStore>> = OnceLock::new();
    ROOTS
        .get_or_init(|| {
            let mut store = RootCertStore::empty();
            let mut files: Vec<String> = [
                "/etc/ssl/certs/ca-certificates.crt",
                "/etc/pki/tls/certs/ca-bundle.crt",
                "/etc/ssl/cert.pem",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            if let Ok(extra) = std::env::var("NODE_EXTRA_CA_CERTS") {
                files.push(extra);
            }
            for file in files {
                if let Ok(pem) = std::fs::read(&file) {
                    for cert in CertificateDer::pem_slice_iter(&pem).flatten() {
                        let _ = store.add(cert);
                    }
                }
            }
            Arc::new(store)
        })
        .clone()
}

/// Options from JS (`tls.connect`/`createServer`, already validated there).
pub(super) struct Options {
    pub(super) ca: Option<Vec<Vec<u8>>>,
    pub(super) cert: Option<Vec<u8>>,
    pub(super) key: Option<Vec<u8>>,
    pub(super) servername: Option<String>,
    pub(super) alpn: Vec<Vec<u8>>,
    pub(super) reject_unauthorized: bool,
    pub(super) request_cert: bool,
    min_tls13: bool,
    max_tls12: bool,
    pub(super) keylog: bool,
    /// The session to offer (a client's `session` option).
    pub(super) session: Option<u64>,
    /// Read the ClientHello first and let JS choose the context (a server's SNICallback).
    pub(super) sni: bool,
    /// Read the ClientHello first and let JS choose the protocol (a server's ALPNCallback).
    pub(super) alpn_callback: bool,
    /// A server's 48 ticket-key bytes: its session tickets are sealed with them.
    pub(super) ticket_keys: Option<Vec<u8>>,
    /// How long a server's tickets are good for, in seconds (Node's sessionTimeout).
    pub(super) session_timeout: u32,
    /// The suites to offer (IANA names, preferred first), from `ciphers`; None: rustls's.
    suites: Option<Vec<String>>,
    /// A server picks by its own order of suites, not the client's (honorCipherOrder).
    honor_order: bool,
    /// A server's other certificate/key pairs (PEM), for keys of other kinds.
    more_pairs: Vec<(Vec<u8>, Vec<u8>)>,
    /// The signature schemes allowed (`sigalgs`, as TLS codes, preferred first); None: all.
    pub(super) sigalgs: Option<Vec<u16>>,
    /// A server's sessions go to JS ('newSession' listeners).
    new_session: bool,
    /// A server's hellos with a session id go to JS first ('resumeSession' listeners).
    pub(super) resume_session: bool,
}

impl Options {
    /// A server prefers its own order (of suites, and of signature schemes).
    pub(super) fn honor_order(&self) -> bool {
        self.honor_order
    }
}

pub(super) fn get<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    obj: v8::Local<'s, v8::Object>,
    key: &str,
) -> v8::Local<'s, v8::Value> {
    let k = js_string(scope, key);
    obj.get(scope, k.into())
        .unwrap_or_else(|| v8::undefined(scope).into())
}

pub(super) fn bytes(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Option<Vec<u8>> {
    if value.is_null_or_undefined() {
        None
    } else if value.is_array_buffer_view() {
        Some(crate::buffer::view_bytes(scope, value).to_vec())
    } else {
        Some(value.to_rust_string_lossy(scope).into_bytes())
    }
}

pub(super) fn list(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Option<Vec<Vec<u8>>> {
    if let Ok(arr) = v8::Local::<v8::Array>::try_from(value) {
        let mut out = Vec::new();
        for i in 0..arr.length() {
            let item = arr.get_index(scope, i)?;
            out.extend(bytes(scope, item));
        }
        Some(out)
    } else {
        bytes(scope, value).map(|b| vec![b])
    }
}

pub(super) fn read_options(
    scope: &mut v8::PinScope,
    value: v8::Local<v8::Value>,
) -> Option<Options> {
    let obj = v8::Local::<v8::Object>::try_from(value).ok()?;
    let obj = v8::Local::new(scope, obj);
    let v = get(scope, obj, "ca");
    let ca = list(scope, v);
    let v = get(scope, obj, "cert");
    let cert = list(scope, v).map(|l| l.concat());
    let v = get(scope, obj, "key");
    let key = list(scope, v).and_then(|l| l.into_iter().next());
    let v = get(scope, obj, "servername");
    let servername = (v.is_string()).then(|| v.to_rust_string_lossy(scope));
    let v = get(scope, obj, "ALPNProtocols");
    let alpn = list(scope, v).unwrap_or_default();
    let reject_unauthorized = !get(scope, obj, "rejectUnauthorized").is_false();
    let request_cert = get(scope, obj, "requestCert").is_true();
    let v = get(scope, obj, "minVersion");
    let min_tls13 = v.to_rust_string_lossy(scope) == "TLSv1.3";
    let v = get(scope, obj, "maxVersion");
    let max_tls12 = v.to_rust_string_lossy(scope) == "TLSv1.2";
    let keylog = get(scope, obj, "keylog").is_true();
    let sni = get(scope, obj, "sni").is_true();
    let alpn_callback = get(scope, obj, "alpnCallback").is_true();
    let v = get(scope, obj, "ticketKeys");
    let ticket_keys = bytes(scope, v).filter(|k| k.len() == 48);
    let v = get(scope, obj, "sessionTimeout");
    let session_timeout = v
        .number_value(scope)
        .filter(|n| *n >= 1.0)
        .map_or(300, |n| n.min(f64::from(u32::MAX)) as u32);
    let v = get(scope, obj, "session");
    let session = bytes(scope, v).and_then(|b| extra::session_id(&b));
    let v = get(scope, obj, "suites");
    let suites = v8::Local::<v8::Array>::try_from(v).ok().map(|arr| {
        (0..arr.length())
            .filter_map(|i| arr.get_index(scope, i))
            .map(|item| item.to_rust_string_lossy(scope))
            .collect()
    });
    let honor_order = get(scope, obj, "honorCipherOrder").is_true();
    let new_session = get(scope, obj, "newSession").is_true();
    let resume_session = get(scope, obj, "resumeSession").is_true();
    let v = get(scope, obj, "sigalgs");
    let sigalgs = v8::Local::<v8::Array>::try_from(v).ok().map(|arr| {
        (0..arr.length())
            .filter_map(|i| arr.get_index(scope, i))
            .filter_map(|item| item.uint32_value(scope))
            .filter_map(|c| u16::try_from(c).ok())
            .collect()
    });
    let mut more_pairs = Vec::new();
    let v = get(scope, obj, "morePairs");
    if let Ok(arr) = v8::Local::<v8::Array>::try_from(v) {
        for i in 0..arr.length() {
            let Some(item) = arr.get_index(scope, i) else {
                continue;
            };
            let Ok(pair) = v8::Local::<v8::Object>::try_from(item) else {
                continue;
            };
            let c = get(scope, pair, "cert");
            let k = get(scope, pair, "key");
            if let (Some(c), Some(k)) = (bytes(scope, c), bytes(scope, k)) {
                more_pairs.push((c, k));
            }
        }
    }
    Some(Options {
        ca,
        cert,
        key,
        servername,
        alpn,
        reject_unauthorized,
        request_cert,
        min_tls13,
        max_tls12,
        keylog,
        session,
        sni,
        alpn_callback,
        ticket_keys,
        session_timeout,
        suites,
        honor_order,
        more_pairs,
        sigalgs,
        new_session,
        resume_session,
    })
}

/// The crypto provider with only the suites `ciphers` chose, in its order.
fn provider_for(o: &Options) -> Arc<rustls::crypto::CryptoProvider> {
    let base = provider();
    let Some(names) = &o.suites else {
        return base;
    };
    let mut p = (*base).clone();
    p.cipher_suites = names
        .iter()
        .filter_map(|name| {
            base.cipher_suites
                .iter()
                .find(|s| suite_name(s) == *name)
                .copied()
        })
        .collect();
    Arc::new(p)
}

/// A suite's IANA name (rustls calls the TLS 1.3 ones TLS13_*).
pub(super) fn suite_name(s: &rustls::SupportedCipherSuite) -> String {
    let name = format!("{:?}", s.suite());
    name.strip_prefix("TLS13_")
        .map_or(name.clone(), |n| format!("TLS_{n}"))
}

/// The versions asked for that the chosen suites can speak (rustls refuses a version without
/// suites); none left is the "no ciphers available" OpenSSL would fail the handshake with.
fn usable_versions(
    o: &Options,
    p: &rustls::crypto::CryptoProvider,
) -> Result<Vec<&'static rustls::SupportedProtocolVersion>, String> {
    let usable: Vec<_> = versions(o)
        .into_iter()
        .filter(|v| p.cipher_suites.iter().any(|s| s.version() == *v))
        .collect();
    if usable.is_empty() {
        return Err("error:0A0000B5:SSL routines::no ciphers available".into());
    }
    Ok(usable)
}

pub(super) fn versions(o: &Options) -> Vec<&'static rustls::SupportedProtocolVersion> {
    match (o.min_tls13, o.max_tls12) {
        (true, _) => vec![&rustls::version::TLS13],
        (false, true) => vec![&rustls::version::TLS12],
        _ => vec![&rustls::version::TLS13, &rustls::version::TLS12],
    }
}

pub(super) fn roots(o: &Options) -> Result<Arc<RootCertStore>, String> {
    match &o.ca {
        None => Ok(system_roots()),
        Some(list) => {
            let mut store = RootCertStore::empty();
            for pem in list {
                for cert in CertificateDer::pem_slice_iter(pem) {
                    let cert = cert.map_err(|e| format!("bad ca: {e:?}"))?;
                    store.add(cert).map_err(|e| format!("bad ca: {e}"))?;
                }
            }
            Ok(Arc::new(store))
        }
    }
}

pub(super) fn chain_and_key(
    o: &Options,
) -> Result<Option<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)>, String> {
    let (Some(cert), Some(key)) = (&o.cert, &o.key) else {
        return Ok(None);
    };
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(cert)
        .collect::<Result<_, _>>()
        .map_err(|_| "error:0480006C:PEM routines::no start line".to_string())?;
    let key = PrivateKeyDer::from_pem_slice(key)
        .map_err(|_| "error:1E08010C:DECODER routines::unsupported".to_string())?;
    Ok(Some((chain, key)))
}

/// Everything a config is built from, as bytes: the key of the shared configs.
pub(super) fn config_key(o: &Options) -> Vec<u8> {
    let mut key = Vec::new();
    for part in [
        o.cert.as_deref(),
        o.key.as_deref(),
        o.ticket_keys.as_deref(),
    ] {
        let part = part.unwrap_or_default();
        key.extend_from_slice(&part.len().to_le_bytes());
        key.extend_from_slice(part);
    }
    let suites: Vec<Vec<u8>> = o
        .suites
        .iter()
        .flatten()
        .map(|n| n.as_bytes().to_vec())
        .collect();
    for part in
        o.ca.iter()
            .flatten()
            .chain(o.alpn.iter())
            .chain(suites.iter())
            .chain(o.more_pairs.iter().flat_map(|(c, k)| [c, k]))
    {
        key.extend_from_slice(&part.len().to_le_bytes());
        key.extend_from_slice(part);
    }
    key.extend_from_slice(&[
        u8::from(o.ca.is_some()),
        u8::from(o.request_cert),
        u8::from(o.reject_unauthorized),
        u8::from(o.min_tls13),
        u8::from(o.max_tls12),
        u8::from(o.suites.is_some()),
        u8::from(o.honor_order),
        u8::from(o.new_session),
    ]);
    key.extend_from_slice(&o.session_timeout.to_le_bytes());
    if let Some(s) = &o.sigalgs {
        key.extend_from_slice(&s.len().to_le_bytes());
        for c in s {
            key.extend_from_slice(&c.to_le_bytes());
        }
    }
    key
}

/// A client connection. Its config is a copy of one shared by every connection with the same
/// options: rustls resumes a session only under the verifier and client certificate it was
/// made with, so those must outlive one connection.
pub(super) fn client(
    o: &Options,
    host: &str,
    store: Arc<extra::SessionStore>,
) -> Result<rustls::Connection, String> {
    let base = extra::client_config(config_key(o), || build_client(o))?;
    let mut config = (*base).clone();
    config.resumption = rustls::client::Resumption::store(store);
    let name = o.servername.clone().unwrap_or_else(|| host.to_string());
    // A name rustls will not put in a hello (one whose last label is all digits, say "sni.0",
    // which OpenSSL sends as it is) goes unsent rather than replaced by another: the
    // connection goes on without SNI (the certificate's name is checked in JS either way).
    let (server_name, sendable) = match ServerName::try_from(name.clone()) {
        Ok(n) => (n, true),
        Err(_) => (
            ServerName::try_from("localhost".to_string()).map_err(|e| e.to_string())?,
            false,
        ),
    };
    // An IP address or no name: no SNI is sent, as OpenSSL does.
    if !sendable || (o.servername.is_none() && name.parse::<std::net::IpAddr>().is_ok()) {
        config.enable_sni = false;
    }
    let conn =
        rustls::ClientConnection::new(Arc::new(config), server_name).map_err(|e| e.to_string())?;
    Ok(rustls::Connection::Client(conn))
}

/// The DER of every certificate given as `ca`.
fn ca_certificates(o: &Options) -> Vec<Vec<u8>> {
    o.ca.iter()
        .flatten()
        .flat_map(|pem| CertificateDer::pem_slice_iter(pem).flatten())
        .map(|c| c.as_ref().to_vec())
        .collect()
}

pub(super) fn build_client(o: &Options) -> Result<rustls::ClientConfig, String> {
    let roots = roots(o)?;
    let inner =
        rustls::client::WebPkiServerVerifier::builder_with_provider(roots.clone(), provider())
            .build()
            .map_err(|e| e.to_string())?;
    let trusted_leaves = ca_certificates(o);
    let verifier = Arc::new(verify::Verifier {
        inner,
        roots,
        trusted_leaves,
        reject: o.reject_unauthorized,
        sigalgs: o.sigalgs.clone(),
    });
    let p = provider_for(o);
    let builder = rustls::ClientConfig::builder_with_provider(p.clone())
        .with_protocol_versions(&usable_versions(o, &p)?)
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(verifier);
    let mut config = match chain_and_key(o)? {
        Some((chain, key)) => {
            let ck = sigalgs::restrict(verify::certified_key(chain, key)?, o.sigalgs.as_deref());
            builder.with_client_cert_resolver(Arc::new(verify::OneCert(ck)))
        }
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = o.alpn.clone();
    config.key_log = Arc::new(extra::SinkLog);
    Ok(config)
}

/// The server config for these options, shared with every connection that has the same ones.
pub(super) fn server(o: &Options) -> Result<Arc<rustls::ServerConfig>, String> {
    extra::server_config(config_key(o), || build_server(o))
}

pub(super) fn build_server(o: &Options) -> Result<rustls::ServerConfig, String> {
    let p = provider_for(o);
    let builder = rustls::ServerConfig::builder_with_provider(p.clone())
        .with_protocol_versions(&usable_versions(o, &p)?)
        .map_err(|e| e.to_string())?;
    let builder = if o.request_cert {
        let v = verify::ClientVerifier::new(
            roots(o)?,
            ca_certificates(o),
            o.reject_unauthorized,
            o.sigalgs.clone(),
        )?;
        builder.with_client_cert_verifier(Arc::new(v))
    } else {
        builder.with_no_client_auth()
    };
    let Some((chain, key)) = chain_and_key(o)? else {
        return Err("Missing PFX or certificate + private key.".into());
    };
    let allowed = o.sigalgs.as_deref();
    let ck = sigalgs::restrict(verify::certified_key(chain, key)?, allowed);
    let mut config = if o.more_pairs.is_empty() {
        builder.with_cert_resolver(Arc::new(verify::OneCert(ck)))
    } else {
        let mut all = vec![ck];
        for (cert, key) in &o.more_pairs {
            let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(cert)
                .collect::<Result<_, _>>()
                .map_err(|_| "error:0480006C:PEM routines::no start line".to_string())?;
            let key = PrivateKeyDer::from_pem_slice(key)
                .map_err(|_| "error:1E08010C:DECODER routines::unsupported".to_string())?;
            all.push(sigalgs::restrict(
                verify::certified_key(chain, key)?,
                allowed,
            ));
        }
        builder.with_cert_resolver(Arc::new(verify::ManyCerts(all)))
    };
    if let Some(t) = o
        .ticket_keys
        .as_deref()
        .and_then(|k| extra::KeyTicketer::new(k, o.session_timeout))
    {
        config.ticketer = Arc::new(t);
    }
    config.alpn_protocols = o.alpn.clone();
    config.key_log = Arc::new(extra::SinkLog);
    config.ignore_client_order = o.honor_order;
    if o.new_session {
        config.session_storage = Arc::new(extra::JsSessions);
    }
    Ok(config)
}
