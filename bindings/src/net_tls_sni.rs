//! A server connection that reads the ClientHello before its certificate is chosen (the
//! `SNICallback`): rustls' `Acceptor` holds the connection until JS answers `EV_HELLO` with
//! `tlsAccept`; then it goes on as any other (net_tls's `on_input`).

use std::sync::Arc;

use eddy_runtime::{js_string, v8};

use super::{
    Carrier, EV_HELLO, emit_failure, emit_keylog, extra, feed, pump_out, read_options, server,
};

/// A server reading the ClientHello: once it is in, JS hears the name (`EV_HELLO`) and picks
/// the context; a hello without a name goes on with the server's own.
pub(super) fn accept_input<C: Carrier + ?Sized>(socket: &C, scope: &mut v8::PinScope, raw: &[u8]) {
    let mut out = Vec::new();
    // The hello's name and ALPN list, once read; None when JS need not hear of it.
    let mut hello: Option<Option<Hello>> = None;
    let mut failure = None;
    {
        let mut t = socket.tls();
        let Some(tls) = t.as_mut() else { return };
        let Some(acc) = tls.accepting.as_mut() else {
            return;
        };
        if acc.accepted.is_some() {
            acc.pending.extend_from_slice(raw);
            return;
        }
        // Record by record, so that the acceptor holds no part of a record after the hello
        // (the connection's record boundaries are counted from where it stops).
        let mut rest = raw;
        while !rest.is_empty() {
            let (mut rd, after) = rest.split_at(tls.records.next_chunk(rest));
            rest = after;
            acc.saw(rd);
            while !rd.is_empty() && failure.is_none() {
                match acc.acceptor.read_tls(&mut rd) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(e) => failure = Some(e.to_string()),
                }
            }
            if failure.is_some() {
                break;
            }
            match acc.acceptor.accept() {
                Ok(None) => {}
                Ok(Some(accepted)) => {
                    let ch = accepted.client_hello();
                    let name = ch.server_name().map(str::to_string);
                    let protocols = ch.alpn().map(|list| list.map(<[u8]>::to_vec).collect());
                    let session_id = acc.session_id();
                    let tell = name.is_some() || acc.every_hello || session_id.is_some();
                    hello = Some(tell.then_some(Hello {
                        name,
                        protocols,
                        session_id,
                    }));
                    acc.accepted = Some(accepted);
                    acc.pending.extend_from_slice(rest);
                    break;
                }
                Err((e, mut alert)) => {
                    if !super::not_tls(raw) {
                        let _ = alert.write_all(&mut out);
                    }
                    failure = Some(e.to_string());
                    break;
                }
            }
        }
        if failure.is_some() {
            tls.failed = true;
            tls.accepting = None;
        }
    }
    if !out.is_empty() {
        socket.send(&out);
    }
    if let Some(message) = failure {
        emit_failure(socket, scope, message);
        return;
    }
    match hello {
        Some(Some(hello)) => {
            let value = hello_to_js(scope, hello);
            socket.emit_event(scope, EV_HELLO, value);
        }
        Some(None) => finish_accept(socket, scope, None, Alpn::Keep, None),
        None => {}
    }
}

/// What JS hears of a ClientHello.
struct Hello {
    name: Option<String>,
    protocols: Option<Vec<Vec<u8>>>,
    session_id: Option<Vec<u8>>,
}

fn hello_to_js<'s>(scope: &mut v8::PinScope<'s, '_>, hello: Hello) -> v8::Local<'s, v8::Value> {
    let obj = v8::Object::new(scope);
    if let Some(name) = hello.name {
        let n = js_string(scope, &name);
        eddy_runtime::set_value(scope, obj, "servername", n.into());
    }
    if let Some(protocols) = hello.protocols {
        let items: Vec<v8::Local<v8::Value>> = protocols
            .iter()
            .map(|p| js_string(scope, &String::from_utf8_lossy(p)).into())
            .collect();
        let arr = v8::Array::new_with_elements(scope, &items);
        eddy_runtime::set_value(scope, obj, "protocols", arr.into());
    }
    if let Some(id) = hello.session_id {
        let b = crate::fs::bytes_to_js(scope, id);
        eddy_runtime::set_value(scope, obj, "sessionId", b);
    }
    obj.into()
}

/// The ALPN protocol of a connection whose hello JS has seen.
enum Alpn {
    /// As the config says.
    Keep,
    /// This one (an ALPNCallback's choice among the client's).
    Choose(Vec<u8>),
    /// None of the client's: the handshake fails with no_application_protocol.
    Refuse,
}

/// The ClientHello read goes on with `config` (or the server's own).
fn finish_accept<C: Carrier + ?Sized>(
    socket: &C,
    scope: &mut v8::PinScope,
    config: Option<Arc<rustls::ServerConfig>>,
    alpn: Alpn,
    session: Option<(Vec<u8>, Vec<u8>)>,
) {
    let mut out = Vec::new();
    let (failure, lines, pending) = {
        let mut t = socket.tls();
        let Some(tls) = t.as_mut() else { return };
        let Some(mut acc) = tls.accepting.take() else {
            return;
        };
        let Some(accepted) = acc.accepted.take() else {
            tls.accepting = Some(acc);
            return;
        };
        let mut config = config.unwrap_or_else(|| acc.default.clone());
        match alpn {
            Alpn::Keep => {}
            Alpn::Choose(protocol) => {
                // This connection's own copy (the shared one keeps its list).
                let mut own = (*config).clone();
                own.alpn_protocols = vec![protocol];
                config = Arc::new(own);
            }
            Alpn::Refuse => {
                // A fatal no_application_protocol alert, in plaintext (no keys yet).
                out.extend_from_slice(&[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x78]);
                tls.failed = true;
            }
        }
        // The session 'resumeSession' found for the hello's id: this connection's own store.
        if let Some((id, data)) = session {
            let mut own = (*config).clone();
            own.session_storage = Arc::new(extra::Resumed {
                id,
                data,
                inner: own.session_storage.clone(),
            });
            config = Arc::new(own);
        }
        let result = if tls.failed {
            (Err(()), Vec::new())
        } else {
            // A ticket the hello brings is decrypted below, and says so (see set_resuming).
            extra::set_resuming(false);
            let (r, lines, _) = extra::with_sinks(tls.keylog, || accepted.into_connection(config));
            (Ok(r), lines)
        };
        match result {
            (Err(()), lines) => (Some("NoApplicationProtocol".to_string()), lines, Vec::new()),
            (Ok(result), lines) => match result {
                Ok(mut conn) => {
                    conn.set_buffer_limit(None);
                    tls.conn = rustls::Connection::Server(conn);
                    if let Some(peer) = super::sigalgs::take_peer() {
                        tls.peer_sigalgs = Some(peer);
                    }
                    (None, lines, std::mem::take(&mut acc.pending))
                }
                Err((e, mut alert)) => {
                    if matches!(&e, rustls::Error::General(m) if m.starts_with("no server certificate"))
                    {
                        // A context without a certificate: OpenSSL answers handshake_failure
                        // where rustls says access_denied (a plaintext alert: no keys yet).
                        out.extend_from_slice(&[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]);
                    } else {
                        let _ = alert.write_all(&mut out);
                    }
                    tls.failed = true;
                    (Some(e.to_string()), lines, Vec::new())
                }
            },
        }
    };
    if !out.is_empty() {
        socket.send(&out);
    }
    emit_keylog(socket, scope, lines);
    if let Some(message) = failure {
        emit_failure(socket, scope, message);
        return;
    }
    pump_out(socket);
    if !pending.is_empty() {
        feed(socket, scope, &pending);
    }
}

/// `tlsAccept(token, options, alpn, session)`: the SNICallback's context (`options` as for
/// startTls, or undefined for the server's own) for a server waiting after `EV_HELLO`, the
/// ALPNCallback's protocol (a string; false to refuse the client's; undefined: the context's
/// list) and the session 'resumeSession' found (`[id, data]`, or undefined). → 0 or a message.
pub(super) fn tls_accept(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(socket) = crate::net::socket_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let result = accept_with(&*socket, scope, args.get(1), args.get(2), args.get(3));
    rv.set(result);
}

/// `tls_accept` on either carrier: 0, a negative errno or a message.
pub(super) fn accept_with<'s, C: Carrier + ?Sized>(
    socket: &C,
    scope: &mut v8::PinScope<'s, '_>,
    options: v8::Local<v8::Value>,
    alpn: v8::Local<v8::Value>,
    session: v8::Local<v8::Value>,
) -> v8::Local<'s, v8::Value> {
    let session = v8::Local::<v8::Array>::try_from(session)
        .ok()
        .and_then(|pair| {
            let id = pair.get_index(scope, 0)?;
            let data = pair.get_index(scope, 1)?;
            Some((
                super::config::bytes(scope, id)?,
                super::config::bytes(scope, data)?,
            ))
        });
    let alpn = if alpn.is_false() {
        Alpn::Refuse
    } else if alpn.is_string() {
        Alpn::Choose(alpn.to_rust_string_lossy(scope).into_bytes())
    } else {
        Alpn::Keep
    };
    let config = if options.is_null_or_undefined() {
        None
    } else {
        let Some(o) = read_options(scope, options) else {
            return v8::Integer::new(scope, -libc::EINVAL).into();
        };
        // A context without a certificate fails the handshake, as OpenSSL's does.
        let config = if o.cert.is_none() || o.key.is_none() {
            extra::no_cert_config()
        } else {
            server(&o)
        };
        match config {
            Ok(c) => Some(c),
            Err(message) => return js_string(scope, &message).into(),
        }
    };
    finish_accept(socket, scope, config, alpn, session);
    v8::Integer::new(scope, 0).into()
}
