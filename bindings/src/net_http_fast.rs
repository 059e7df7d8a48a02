//! The HTTP server's read fast path (the part of Node's "consume" path that pays here): while an
//! `http.Server` connection's JS parser is idle, a read that holds exactly one complete, plain
//! request head (no body, no upgrade, no `Expect`) is parsed here, in place in the read slab,
//! and handed to JS as one call with the pieces already split — no Buffer, no `'data'` event,
//! no JS parser run. Anything else (a partial head, a body, pipelined requests, a head this
//! reading would judge differently from the JS parser) turns the fast path off and goes the
//! ordinary way as `EV_DATA`; `_http_server` turns it on again once its parser is idle.
//!
//! What counts as plain is decided by the same rules internal/http/parser applies (httparse
//! plus llhttp's stricter checks from http.rs), so a request gets the same answer either way.

use std::rc::Rc;

use eddy_runtime::{call_function, v8};

use super::stream::Socket;
use super::{function_arg, socket_arg};
use crate::http::{clean_target, crlf_only, is_known_method, latin1, latin1_internal};

/// A connection's fast path: the JS callback
/// `(consumed, method, url, versionMinor, rawHeaders, hostAt, keepAlive)`, the head size
/// limit, and whether the JS parser is idle now (`on`).
pub(crate) struct HttpFast {
    callback: v8::Global<v8::Function>,
    max_head: usize,
    pub(super) on: bool,
}

/// `httpFastStart(token, callback, maxHeaderSize)`: route plain requests to `callback`.
pub(super) fn http_fast_start(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Some(socket) = socket_arg(scope, &args) else {
        return;
    };
    let Some(callback) = function_arg(scope, &args, 1) else {
        return;
    };
    let max_head = args.get(2).number_value(scope).unwrap_or(0.0);
    let max_head = if max_head.is_finite() && max_head > 0.0 {
        max_head as usize
    } else {
        0
    };
    socket.state.borrow_mut().http = Some(Box::new(HttpFast {
        callback,
        max_head,
        on: true,
    }));
}

/// `httpFastResume(token)`: the JS parser is idle again.
pub(super) fn http_fast_resume(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    if let Some(socket) = socket_arg(scope, &args)
        && let Some(http) = socket.state.borrow_mut().http.as_mut()
    {
        http.on = true;
    }
}

/// `httpFastStop(token)`: every byte goes to JS from now on (user code reads the socket).
pub(super) fn http_fast_stop(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    if let Some(socket) = socket_arg(scope, &args) {
        socket.state.borrow_mut().http = None;
    }
}

/// Whether the next read may take the fast path.
pub(super) fn armed(socket: &Socket) -> bool {
    socket.state.borrow().http.as_ref().is_some_and(|h| h.on)
}

/// Handle one read of `bytes` (the read slab's unhanded room): true when it was a plain request
/// and JS has had it; false when the fast path is off now and the bytes must go as `EV_DATA`.
pub(super) fn deliver(socket: &Rc<Socket>, scope: &mut v8::PinScope, bytes: &[u8]) -> bool {
    let (callback, max_head) = {
        let mut s = socket.state.borrow_mut();
        let Some(http) = s.http.as_mut() else {
            return false;
        };
        // Off until JS says its parser is idle again, unless this read turns out plain.
        http.on = false;
        // A Local, not a clone of the Global: that would make and drop a global handle per
        // request.
        (v8::Local::new(scope, &http.callback), http.max_head)
    };
    let Some(args) = plain_request(scope, bytes, max_head) else {
        return false;
    };
    if let Some(http) = socket.state.borrow_mut().http.as_mut() {
        http.on = true;
    }
    call_function(scope, callback, &args);
    true
}

/// JS's whitespace as `String.prototype.trim` sees it in a Latin-1 string.
fn is_js_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' | 0xa0)
}

fn js_trim(v: &[u8]) -> &[u8] {
    let start = v.iter().position(|&b| !is_js_space(b)).unwrap_or(v.len());
    let end = v
        .iter()
        .rposition(|&b| !is_js_space(b))
        .map_or(start, |i| i + 1);
    &v[start..end.max(start)]
}

/// The callback's arguments when `bytes` is exactly one plain request head, else None.
fn plain_request<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bytes: &[u8],
    max_head: usize,
) -> Option<[v8::Local<'s, v8::Value>; 7]> {
    // Blank lines before a request are the JS parser's to skip (and rare).
    if matches!(bytes.first(), None | Some(b'\r' | b'\n')) {
        return None;
    }
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    let n = match req.parse(bytes) {
        Ok(httparse::Status::Complete(n)) => n,
        _ => return None,
    };
    let method = req.method.unwrap_or("");
    let path = req.path.unwrap_or("");
    if n != bytes.len()
        || n > max_head
        || method == "CONNECT"
        || !is_known_method(method)
        || !clean_target(path)
        || !crlf_only(&bytes[..n])
    {
        return None;
    }
    let minor = req.version.unwrap_or(1);
    let mut host_at = -1i32;
    let mut saw_length = false;
    let mut close = false;
    let mut keep_alive = false;
    for (i, h) in req.headers.iter().enumerate() {
        let name = h.name.as_bytes();
        if name.eq_ignore_ascii_case(b"content-length") {
            // Only a single zero length is plain: anything else has a body or is the JS
            // parser's to judge.
            let v = js_trim(h.value);
            if saw_length || v.is_empty() || !v.iter().all(|&b| b == b'0') {
                return None;
            }
            saw_length = true;
        } else if name.eq_ignore_ascii_case(b"transfer-encoding")
            || name.eq_ignore_ascii_case(b"upgrade")
            || name.eq_ignore_ascii_case(b"expect")
        {
            return None;
        } else if name.eq_ignore_ascii_case(b"connection") {
            for token in h.value.split(|&b| b == b',') {
                let token = js_trim(token);
                close |= token.eq_ignore_ascii_case(b"close");
                keep_alive |= token.eq_ignore_ascii_case(b"keep-alive");
            }
        } else if host_at < 0 && name.eq_ignore_ascii_case(b"host") {
            host_at = (2 * i) as i32;
        }
    }
    let keep = if minor >= 1 { !close } else { keep_alive };
    let mut raw = Vec::with_capacity(2 * req.headers.len());
    for h in req.headers.iter() {
        raw.push(latin1_internal(scope, h.name.as_bytes()));
        raw.push(latin1(scope, h.value));
    }
    Some([
        v8::Integer::new(scope, n as i32).into(),
        latin1_internal(scope, method.as_bytes()),
        latin1(scope, path.as_bytes()),
        v8::Integer::new(scope, minor as i32).into(),
        v8::Array::new_with_elements(scope, &raw).into(),
        v8::Integer::new(scope, host_at).into(),
        v8::Boolean::new(scope, keep).into(),
    ])
}
