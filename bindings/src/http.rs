//! `binding.http`: HTTP/1.x message heads parsed by `httparse` (hyper's parser: zero-copy,
//! fuzzed). Body framing (Content-Length, chunked, read-until-close) is stdlib-js
//! `internal/http/parser.js`, which calls these on the bytes it has buffered.
//!
//! Each function takes a Uint8Array and returns:
//! - `0` when the head is not complete yet;
//! - a negative `ERR_*` number below when the bytes can never form a valid head, or when the
//!   head is one httparse accepts but llhttp reads differently (a bare LF line end, an unknown
//!   method, a control byte in the target): stdlib-js `internal/http/head` then decides;
//! - an array `[consumed, …fields, name, value, name, value, …]` with header names and values
//!   as Latin-1 strings (bytes as they came, as Node's parser hands them over).
//!
//! The bytes are read where they lie (no copy); methods and header names come back as
//! internalized strings, which V8 finds in its string table instead of allocating, and which
//! make fast property keys for the header objects built from them.

use eddy_runtime::{NativeModule, set_fn, set_value, v8};

use crate::buffer::view_bytes;

pub const MODULE: NativeModule = NativeModule { name: "http", init };

/// The head is malformed (request line, status line, header syntax, version).
const ERR_INVALID: i32 = -1;
/// More header lines than the parser keeps (Node answers 431 as for an oversized head).
const ERR_TOO_MANY_HEADERS: i32 = -2;

/// Header lines per message the parser accepts (Node keeps at most 2000 by default as well).
const MAX_HEADERS: usize = 2000;

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "parseRequest", parse_request);
    set_fn(scope, target, "parseResponse", parse_response);
    set_fn(scope, target, "parseTrailers", parse_trailers);
    let invalid = v8::Integer::new(scope, ERR_INVALID);
    set_value(scope, target, "ERR_INVALID", invalid.into());
    let too_many = v8::Integer::new(scope, ERR_TOO_MANY_HEADERS);
    set_value(scope, target, "ERR_TOO_MANY_HEADERS", too_many.into());
}

/// The methods llhttp knows; a head with any other method is left to the JS reading.
const KNOWN_METHODS: [&str; 34] = [
    "ACL",
    "BIND",
    "CHECKOUT",
    "CONNECT",
    "COPY",
    "DELETE",
    "GET",
    "HEAD",
    "LINK",
    "LOCK",
    "M-SEARCH",
    "MERGE",
    "MKACTIVITY",
    "MKCALENDAR",
    "MKCOL",
    "MOVE",
    "NOTIFY",
    "OPTIONS",
    "PATCH",
    "POST",
    "PROPFIND",
    "PROPPATCH",
    "PURGE",
    "PUT",
    "REBIND",
    "REPORT",
    "SEARCH",
    "SOURCE",
    "SUBSCRIBE",
    "TRACE",
    "UNBIND",
    "UNLINK",
    "UNLOCK",
    "UNSUBSCRIBE",
];

/// Whether llhttp knows `method` (a head with another one is left to the JS reading).
pub(crate) fn is_known_method(method: &str) -> bool {
    KNOWN_METHODS.contains(&method)
}

/// Every line of `head` ends in CRLF (httparse also takes a bare LF; llhttp does not).
pub(crate) fn crlf_only(head: &[u8]) -> bool {
    let mut prev = 0u8;
    for &b in head {
        if b == b'\n' && prev != b'\r' {
            return false;
        }
        prev = b;
    }
    true
}

/// A request target without controls or spaces (bytes above 0x7f pass, as in Node v20.11).
pub(crate) fn clean_target(url: &str) -> bool {
    url.bytes().all(|c| c > 0x20 && c != 0x7f)
}

pub(crate) fn latin1<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bytes: &[u8],
) -> v8::Local<'s, v8::Value> {
    v8::String::new_from_one_byte(scope, bytes, v8::NewStringType::Normal)
        .map(|s| s.into())
        .unwrap_or_else(|| v8::String::empty(scope).into())
}

/// A short token that recurs on every message (a method, a header name).
pub(crate) fn latin1_internal<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bytes: &[u8],
) -> v8::Local<'s, v8::Value> {
    v8::String::new_from_one_byte(scope, bytes, v8::NewStringType::Internalized)
        .map(|s| s.into())
        .unwrap_or_else(|| v8::String::empty(scope).into())
}

fn error_code(e: httparse::Error) -> i32 {
    match e {
        httparse::Error::TooManyHeaders => ERR_TOO_MANY_HEADERS,
        _ => ERR_INVALID,
    }
}

fn push_headers<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    out: &mut Vec<v8::Local<'s, v8::Value>>,
    headers: &[httparse::Header],
) {
    for h in headers {
        out.push(latin1_internal(scope, h.name.as_bytes()));
        out.push(latin1(scope, h.value));
    }
}

/// Run a parse with room for 64 header lines on the stack; a head with more is parsed again
/// with room for `MAX_HEADERS` on the heap (rare, so the common case allocates nothing).
fn with_headers<'b, R>(
    mut f: impl FnMut(&mut [httparse::Header<'b>]) -> Result<R, i32>,
) -> Result<R, i32> {
    let mut small: [httparse::Header<'b>; 64] = [httparse::EMPTY_HEADER; 64];
    match f(&mut small) {
        Err(ERR_TOO_MANY_HEADERS) => {
            let mut big: Vec<httparse::Header<'b>> = vec![httparse::EMPTY_HEADER; MAX_HEADERS];
            f(&mut big)
        }
        other => other,
    }
}

/// The array, 0 for "not complete yet", or the negative error code.
fn set_result(rv: &mut v8::ReturnValue, result: Result<Option<v8::Local<v8::Array>>, i32>) {
    match result {
        Ok(Some(arr)) => rv.set(arr.into()),
        Ok(None) => rv.set_int32(0),
        Err(code) => rv.set_int32(code),
    }
}

/// `parseRequest(bytes)` → `[consumed, method, url, versionMinor, …headers]`.
fn parse_request(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let buf: &[u8] = view_bytes(scope, args.get(0));
    let result = with_headers(|headers| {
        let mut req = httparse::Request::new(headers);
        match req.parse(buf) {
            Ok(httparse::Status::Complete(n)) => {
                let method = req.method.unwrap_or("");
                let path = req.path.unwrap_or("");
                if !is_known_method(method) || !clean_target(path) || !crlf_only(&buf[..n]) {
                    return Err(ERR_INVALID);
                }
                let mut out = vec![
                    v8::Number::new(scope, n as f64).into(),
                    latin1_internal(scope, method.as_bytes()),
                    latin1(scope, path.as_bytes()),
                    v8::Integer::new(scope, req.version.unwrap_or(1) as i32).into(),
                ];
                push_headers(scope, &mut out, req.headers);
                Ok(Some(v8::Array::new_with_elements(scope, &out)))
            }
            Ok(httparse::Status::Partial) => Ok(None),
            Err(e) => Err(error_code(e)),
        }
    });
    set_result(&mut rv, result);
}

/// `parseResponse(bytes)` → `[consumed, versionMinor, statusCode, statusMessage, …headers]`.
fn parse_response(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let buf: &[u8] = view_bytes(scope, args.get(0));
    let result = with_headers(|headers| {
        let mut res = httparse::Response::new(headers);
        match res.parse(buf) {
            Ok(httparse::Status::Complete(n)) => {
                if !crlf_only(&buf[..n]) {
                    return Err(ERR_INVALID);
                }
                let mut out = vec![
                    v8::Number::new(scope, n as f64).into(),
                    v8::Integer::new(scope, res.version.unwrap_or(1) as i32).into(),
                    v8::Integer::new(scope, res.code.unwrap_or(0) as i32).into(),
                    latin1(scope, res.reason.unwrap_or("").as_bytes()),
                ];
                push_headers(scope, &mut out, res.headers);
                Ok(Some(v8::Array::new_with_elements(scope, &out)))
            }
            Ok(httparse::Status::Partial) => Ok(None),
            Err(e) => Err(error_code(e)),
        }
    });
    set_result(&mut rv, result);
}

/// `parseTrailers(bytes)` → `[consumed, …headers]` (the header block after a last chunk).
fn parse_trailers(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let buf: &[u8] = view_bytes(scope, args.get(0));
    let result = with_headers(|headers| match httparse::parse_headers(buf, headers) {
        Ok(httparse::Status::Complete((n, parsed))) => {
            let mut out = vec![v8::Number::new(scope, n as f64).into()];
            push_headers(scope, &mut out, parsed);
            Ok(Some(v8::Array::new_with_elements(scope, &out)))
        }
        Ok(httparse::Status::Partial) => Ok(None),
        Err(e) => Err(error_code(e)),
    });
    set_result(&mut rv, result);
}
