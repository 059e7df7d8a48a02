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
    let mut hello: Option<Option<String>> = None;
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
        let mut rd = raw;
        while !rd.is_empty() {
            if let Err(e) = acc.acceptor.read_tls(&mut rd) {
                failure = Some(e.to_string());
                break;
            }
            match acc.acceptor.accept() {
                Ok(None) => {}
                Ok(Some(accepted)) => {
                    hello = Some(accepted.client_hello().server_name().map(str::to_string));
                    acc.accepted = Some(accepted);
                    acc.pending.extend_from_slice(rd);
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
        Some(Some(name)) => {
            let n = js_string(scope, &name);
            socket.emit_event(scope, EV_HELLO, n.into());
        }
        Some(None) => finish_accept(socket, scope, None),
        None => {}
    }
}

/// The ClientHello read goes on with `config` (or the server's own).
fn finish_accept<C: Carrier + ?Sized>(
    socket: &C,
    scope: &mut v8::PinScope,
    config: Option<Arc<rustls::ServerConfig>>,
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
        let config = config.unwrap_or_else(|| acc.default.clone());
        let (result, lines, _) = extra::with_sinks(tls.keylog, || accepted.into_connection(config));
        match result {
            Ok(mut conn) => {
                conn.set_buffer_limit(None);
                tls.conn = rustls::Connection::Server(conn);
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

/// `tlsAccept(token, options)`: the SNICallback's context (`options` as for startTls, or
/// undefined for the server's own) for a server waiting after `EV_HELLO`. → 0 or a message.
pub(super) fn tls_accept(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(socket) = crate::net::socket_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let result = accept_with(&*socket, scope, args.get(1));
    rv.set(result);
}

/// `tls_accept` on either carrier: 0, a negative errno or a message.
pub(super) fn accept_with<'s, C: Carrier + ?Sized>(
    socket: &C,
    scope: &mut v8::PinScope<'s, '_>,
    options: v8::Local<v8::Value>,
) -> v8::Local<'s, v8::Value> {
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
    finish_accept(socket, scope, config);
    v8::Integer::new(scope, 0).into()
}
