//! TLS over bytes that no socket carries (`tls.connect({ socket: duplex })`, `new
//! tls.TLSSocket(duplex)`): an engine is a rustls session whose ciphertext JS moves. JS feeds
//! what it reads from the Duplex (`tlsEngineInput`) and writes to the Duplex what the engine
//! reports as `EV_CIPHER`; the other events are a socket's TLS events (net_tls). Each call
//! returns the events it caused as `[kind, value, kind, value, ...]` rather than calling into
//! JS: JS runs them in order itself, with no nextTick running in between (as a callback from
//! Rust would drain them) and without reentering rustls from its own handlers.
//!
//! Engines live in a per-thread table under a number, until `tlsEngineClose`.

use std::cell::{Cell, RefCell, RefMut};
use std::collections::HashMap;
use std::rc::Rc;

use eddy_runtime::{set_fn, v8};

use super::{Carrier, EV_CIPHER, Tls};

/// What an engine's rustls buffers and state take, about (reported to V8 while it lives).
const FOOTPRINT: i64 = 48 * 1024;

pub(super) struct Engine {
    tls: RefCell<Option<Box<Tls>>>,
    /// Ciphertext made since the last event: it becomes an event before the next one, so the
    /// peer gets the records in the order rustls made them.
    out: RefCell<Vec<u8>>,
    events: RefCell<Vec<(i32, v8::Global<v8::Value>)>>,
}

impl Engine {
    fn flush(&self, scope: &mut v8::PinScope) {
        let out = std::mem::take(&mut *self.out.borrow_mut());
        if out.is_empty() {
            return;
        }
        let store = v8::ArrayBuffer::new_backing_store_from_vec(out).make_shared();
        let ab = v8::ArrayBuffer::with_backing_store(scope, &store);
        let ab = v8::Global::new(scope, v8::Local::<v8::Value>::from(ab));
        self.events.borrow_mut().push((EV_CIPHER, ab));
    }

    /// The events so far, flat, as a call's return value.
    fn take_events<'s>(&self, scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::Value> {
        self.flush(scope);
        let events = std::mem::take(&mut *self.events.borrow_mut());
        let mut items: Vec<v8::Local<v8::Value>> = Vec::with_capacity(events.len() * 2);
        for (kind, value) in events {
            items.push(v8::Integer::new(scope, kind).into());
            items.push(v8::Local::new(scope, value));
        }
        v8::Array::new_with_elements(scope, &items).into()
    }
}

impl Carrier for Engine {
    fn tls(&self) -> RefMut<'_, Option<Box<Tls>>> {
        self.tls.borrow_mut()
    }

    fn send(&self, data: &[u8]) {
        self.out.borrow_mut().extend_from_slice(data);
    }

    fn emit_event<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        kind: i32,
        value: v8::Local<'s, v8::Value>,
    ) {
        self.flush(scope);
        let value = v8::Global::new(scope, value);
        self.events.borrow_mut().push((kind, value));
    }
}

thread_local! {
    static ENGINES: RefCell<HashMap<u32, Rc<Engine>>> = RefCell::new(HashMap::new());
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

pub(super) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "tlsEngineNew", engine_new);
    set_fn(scope, target, "tlsEnginePump", engine_pump);
    set_fn(scope, target, "tlsEngineInput", engine_input);
    set_fn(scope, target, "tlsEngineWrite", engine_write);
    set_fn(scope, target, "tlsEngineEnd", engine_end);
    set_fn(scope, target, "tlsEngineAccept", engine_accept);
    set_fn(
        scope,
        target,
        "tlsEnginePeerCertificates",
        engine_peer_certificates,
    );
    set_fn(scope, target, "tlsEngineSetKeylog", engine_set_keylog);
    set_fn(
        scope,
        target,
        "tlsEngineSetMaxSendFragment",
        engine_set_max_send_fragment,
    );
    set_fn(scope, target, "tlsEngineClose", engine_close);
}

fn engine_arg(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
) -> Option<Rc<Engine>> {
    let id = args.get(0).uint32_value(scope)?;
    ENGINES.with(|e| e.borrow().get(&id).cloned())
}

/// `tlsEngineNew(isServer, host, options)` → the engine's number, a message for a bad
/// configuration, or a negative errno. A client's first records come from `tlsEnginePump`.
fn engine_new(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let is_server = args.get(0).is_true();
    let host = args.get(1).to_rust_string_lossy(scope);
    let tls = match super::new_session(scope, is_server, &host, args.get(2)) {
        Ok(tls) => tls,
        Err(Err(errno)) => {
            rv.set_int32(errno);
            return;
        }
        Err(Ok(message)) => {
            let m = eddy_runtime::js_string(scope, &message);
            rv.set(m.into());
            return;
        }
    };
    let engine = Rc::new(Engine {
        tls: RefCell::new(Some(tls)),
        out: RefCell::new(Vec::new()),
        events: RefCell::new(Vec::new()),
    });
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id.checked_add(1).unwrap_or(1));
        id
    });
    ENGINES.with(|e| e.borrow_mut().insert(id, engine));
    scope.adjust_amount_of_external_allocated_memory(FOOTPRINT);
    rv.set_uint32(id);
}

/// `tlsEnginePump(id)` → events: the records rustls has ready (a client's hello).
fn engine_pump(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(engine) = engine_arg(scope, &args) else {
        return;
    };
    super::pump_out(&*engine);
    rv.set(engine.take_events(scope));
}

/// `tlsEngineInput(id, view)` → events: ciphertext read from the peer.
fn engine_input(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(engine) = engine_arg(scope, &args) else {
        return;
    };
    let data = crate::buffer::view_bytes(scope, args.get(1)).to_vec();
    super::feed(&*engine, scope, &data);
    rv.set(engine.take_events(scope));
}

/// `tlsEngineWrite(id, view)` → events, or a negative errno: plaintext to encrypt.
fn engine_write(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(engine) = engine_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let data = crate::buffer::view_bytes(scope, args.get(1)).to_vec();
    match super::encrypt(&*engine, &data) {
        Ok(()) => rv.set(engine.take_events(scope)),
        Err(errno) => rv.set_int32(i32::try_from(errno).unwrap_or(-libc::EIO)),
    }
}

/// `tlsEngineEnd(id)` → events: a close_notify alert for the peer.
fn engine_end(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(engine) = engine_arg(scope, &args) else {
        return;
    };
    super::end(&*engine);
    rv.set(engine.take_events(scope));
}

/// `tlsEngineAccept(id, options, alpn)` → `[result, events]`, the result as `tlsAccept`'s.
fn engine_accept(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(engine) = engine_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let result = super::sni::accept_with(&*engine, scope, args.get(1), args.get(2), args.get(3));
    let events = engine.take_events(scope);
    let pair = v8::Array::new_with_elements(scope, &[result, events]);
    rv.set(pair.into());
}

/// `tlsEnginePeerCertificates(id)` → [Uint8Array DER, ...] or undefined.
fn engine_peer_certificates(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(engine) = engine_arg(scope, &args) else {
        return;
    };
    if let Some(arr) = super::certificates(&*engine, scope) {
        rv.set(arr);
    }
}

/// `tlsEngineSetKeylog(id, on)`.
fn engine_set_keylog(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Some(engine) = engine_arg(scope, &args) else {
        return;
    };
    if let Some(tls) = engine.tls().as_mut() {
        tls.keylog = args.get(1).is_true();
    }
}

/// `tlsEngineSetMaxSendFragment(id, size)`: as net's `setMaxSendFragment`.
fn engine_set_max_send_fragment(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Some(engine) = engine_arg(scope, &args) else {
        return;
    };
    let size = args.get(1).uint32_value(scope).unwrap_or(16384);
    if let Some(tls) = engine.tls().as_mut() {
        tls.set_max_send_fragment(size);
    }
}

/// `tlsEngineClose(id)`: the engine goes.
fn engine_close(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    if ENGINES.with(|e| e.borrow_mut().remove(&id)).is_some() {
        scope.adjust_amount_of_external_allocated_memory(-FOOTPRINT);
    }
}
