//! Message ports across threads: the native half of `MessageChannel`, `MessagePort`,
//! `BroadcastChannel` and a worker's `parentPort` (`binding.messaging`).
//!
//! - A port's queue lives in a [`PortCore`], shared (`Arc`) by whoever may post to it; the
//!   entangled peer holds it weakly, so a port nobody owns any more just drops what is posted.
//! - The loop that owns a port has it as a handle in its poll phase. Posting pushes the message
//!   onto the peer's queue and reports the peer's token through its loop's [`Remote`], which
//!   wakes that loop's poll: no polling, and one wake-up per burst (`notified`).
//! - Messages are V8's structured-clone bytes. Transferred ArrayBuffers move their memory (the
//!   sender's buffer is detached, nothing is copied); SharedArrayBuffers share theirs; ports in
//!   the transfer list travel as their cores and come out as new port objects on the other side.
//! - A port moves between threads by leaving one loop's table (its core keeps the queue) and
//!   being adopted by another's: messages posted meanwhile wait in the queue.

use std::cell::Cell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::sync::{Arc, Mutex, Weak};

use crate::clone::{Message, deserialize, host_key, port_key, serialize, throw_data_clone};
use crate::io::{self, Handle, Ready, Remote};
use crate::native::{js_string, set_fn};
use crate::state::{exit_requested, state};

/// The shared half of a port: its queue and who to wake when something arrives.
pub(crate) struct PortCore {
    inner: Mutex<PortInner>,
}

#[derive(Default)]
struct PortInner {
    queue: VecDeque<Message>,
    /// The loop that owns this port now, and the port's token there.
    owner: Option<(Arc<Remote>, usize)>,
    /// The owner was told about the queue and has not looked yet.
    notified: bool,
    /// The entangled port.
    peer: Weak<PortCore>,
    /// The peer closed (or went away): deliver what is queued, then close.
    peer_closed: bool,
    /// `close()` was called here: deliver what is queued (if started), then close, in this
    /// loop's next poll phase (Node's close is asynchronous too).
    closing: bool,
    /// A BroadcastChannel's name: posts go to every other subscriber of the name.
    broadcast: Option<String>,
}

impl PortCore {
    fn new() -> Arc<PortCore> {
        Arc::new(PortCore {
            inner: Mutex::new(PortInner::default()),
        })
    }

    /// Two entangled ports.
    pub(crate) fn pair() -> (Arc<PortCore>, Arc<PortCore>) {
        let (a, b) = (PortCore::new(), PortCore::new());
        a.lock().peer = Arc::downgrade(&b);
        b.lock().peer = Arc::downgrade(&a);
        (a, b)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, PortInner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queue `message` here and wake the owner.
    fn push(&self, message: Message) {
        let wake = {
            let mut inner = self.lock();
            inner.queue.push_back(message);
            inner.wake_owner()
        };
        notify(wake);
    }

    /// The peer is gone: wake the owner so it closes once the queue is drained.
    fn close_from_peer(&self) {
        let wake = {
            let mut inner = self.lock();
            inner.peer_closed = true;
            inner.wake_owner()
        };
        notify(wake);
    }

    /// Wake the owner (if it was not already told) to look at this port.
    fn wake(&self) {
        let wake = self.lock().wake_owner();
        notify(wake);
    }
}

impl PortInner {
    /// Whom to wake, if the owner has not been told yet. The wake-up itself happens after the
    /// port's lock is released ([`notify`]): it is a system call, and the owner's thread may be
    /// waiting for the lock to take the message.
    fn wake_owner(&mut self) -> Option<(Arc<Remote>, usize)> {
        if self.notified {
            return None;
        }
        let (remote, token) = self.owner.as_ref()?;
        self.notified = true;
        Some((remote.clone(), *token))
    }
}

fn notify(wake: Option<(Arc<Remote>, usize)>) {
    if let Some((remote, token)) = wake {
        remote.notify(token);
    }
}

/// BroadcastChannel subscribers by name, across every thread of the process.
static CHANNELS: Mutex<Option<HashMap<String, Vec<Weak<PortCore>>>>> = Mutex::new(None);

fn subscribers(name: &str) -> Vec<Arc<PortCore>> {
    let mut channels = CHANNELS.lock().unwrap_or_else(|e| e.into_inner());
    let map = channels.get_or_insert_with(HashMap::new);
    let Some(list) = map.get_mut(name) else {
        return Vec::new();
    };
    list.retain(|w| w.strong_count() > 0);
    list.iter().filter_map(Weak::upgrade).collect()
}

fn subscribe(name: &str, core: &Arc<PortCore>) {
    let mut channels = CHANNELS.lock().unwrap_or_else(|e| e.into_inner());
    let map = channels.get_or_insert_with(HashMap::new);
    let list = map.entry(name.to_string()).or_default();
    list.retain(|w| w.strong_count() > 0);
    list.push(Arc::downgrade(core));
}

fn unsubscribe(name: &str, core: &Arc<PortCore>) {
    let mut channels = CHANNELS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(map) = channels.as_mut()
        && let Some(list) = map.get_mut(name)
    {
        list.retain(|w| w.strong_count() > 0 && !std::ptr::eq(w.as_ptr(), Arc::as_ptr(core)));
        if list.is_empty() {
            map.remove(name);
        }
    }
}

// ===== the handle in this loop =====

/// The JS functions the messaging natives call (`binding.messaging.setup`).
#[derive(Default)]
pub(crate) struct Hooks {
    /// `onMessage(port, value, ports)` (`ports` absent when none came), or
    /// `onMessage(port, error, null, true)` when a message could not be deserialized
    /// ('messageerror').
    on_message: Option<v8::Global<v8::Function>>,
    /// `makePort()`: a fresh MessagePort object for a port that arrived.
    make_port: Option<v8::Global<v8::Function>>,
    /// `onClose(port)`: the port closed (here or at its peer).
    on_close: Option<v8::Global<v8::Function>>,
    /// `hostClone(object)`: plain data standing for a JS host object in a message.
    pub host_clone: Option<v8::Global<v8::Function>>,
    /// `hostRevive(data)`: the object a host object's data stands for, on this thread.
    pub host_revive: Option<v8::Global<v8::Function>>,
}

/// What a port moved into a vm context (`moveMessagePortToContext`) has instead of [`Hooks`]:
/// its messages are read in that context, so their objects belong to it, and handed to the
/// context's own `emit(port, value, ports, kind)` (`kind`: absent for a message, `'error'` when
/// it could not be read, `'unavailable'` when it holds host objects, which only the main
/// context can revive). Ports that arrive on it are made by the context's `makePort`.
struct Moved {
    context: v8::Global<v8::Context>,
    emit: v8::Global<v8::Function>,
    make_port: v8::Global<v8::Function>,
}

/// A port owned by this loop.
struct PortHandle {
    token: usize,
    core: Arc<PortCore>,
    object: v8::Global<v8::Object>,
    started: Cell<bool>,
    /// Closed, or transferred away: the handle is out of the table.
    gone: Cell<bool>,
    /// Set for a port moved into a vm context.
    moved: Option<Rc<Moved>>,
}

impl Handle for PortHandle {
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, _ready: Ready) {
        deliver(scope, &self, false);
    }
}

impl Drop for PortHandle {
    fn drop(&mut self) {
        // The runtime is going away with this port still open (a worker ended): its peer sees
        // it close, as Node closes a worker's ports when the worker exits.
        if !self.gone.get() {
            release(&self.core, true);
        }
    }
}

/// Take `core` out of its owner; when `closing`, tell the peer (or leave the channel).
fn release(core: &Arc<PortCore>, closing: bool) {
    let (peer, broadcast) = {
        let mut inner = core.lock();
        inner.owner = None;
        inner.notified = false;
        if closing {
            inner.queue.clear();
            (
                std::mem::take(&mut inner.peer).upgrade(),
                inner.broadcast.take(),
            )
        } else {
            (None, None)
        }
    };
    if let Some(peer) = peer {
        peer.close_from_peer();
    }
    if let Some(name) = broadcast {
        unsubscribe(&name, core);
    }
}

/// Deliver queued messages to JS. Only as many as were queued when it began: a handler that
/// posts to its own port does not starve the loop; the rest come next iteration. With `all`
/// (worker exit, `drain`) everything queued is delivered now, started or not.
fn deliver(scope: &mut v8::PinScope, port: &Rc<PortHandle>, all: bool) {
    let count = {
        let mut inner = port.core.lock();
        inner.notified = false;
        if !port.started.get() && !all {
            // Nothing is delivered before start(); a close still happens.
            if inner.closing || (inner.peer_closed && inner.queue.is_empty()) {
                drop(inner);
                close_port(scope, port);
            }
            return;
        }
        inner.queue.len()
    };
    for _ in 0..count {
        if port.gone.get() || exit_requested(scope) {
            return;
        }
        let Some(message) = port.core.lock().queue.pop_front() else {
            break;
        };
        v8::scope!(let scope, scope);
        emit(scope, port, message);
    }
    if port.gone.get() {
        return;
    }
    let inner = port.core.lock();
    if inner.closing || (inner.peer_closed && inner.queue.is_empty()) {
        drop(inner);
        close_port(scope, port);
    } else if !inner.queue.is_empty() {
        drop(inner);
        port.core.wake();
    }
}

/// Turn one message into JS values and hand it to `onMessage` (or, for a port moved into a vm
/// context, to that context's `emit`, with the message read inside the context).
fn emit(scope: &mut v8::PinScope, port: &Rc<PortHandle>, message: Message) {
    let Some(moved) = port.moved.clone() else {
        let st = state(scope);
        // Locals straight from the stored handles (no new global handle per message).
        let (on_message, make_port) = {
            let s = st.borrow();
            match (&s.messaging.on_message, &s.messaging.make_port) {
                (Some(m), Some(p)) => (v8::Local::new(scope, m), v8::Local::new(scope, p)),
                _ => return,
            }
        };
        call_with_message(scope, port, &message, on_message, make_port, None);
        return;
    };
    let context = v8::Local::new(scope, &moved.context);
    let scope = &mut v8::ContextScope::new(scope, context);
    let emit = v8::Local::new(scope, &moved.emit);
    if !message.hosts.is_empty() {
        // Host objects are revived by the main context's hooks, into its realm: not here.
        let object = v8::Local::new(scope, &port.object).into();
        let undefined = v8::undefined(scope).into();
        let kind = js_string(scope, "unavailable").into();
        crate::call_function(scope, emit, &[object, undefined, undefined, kind]);
        return;
    }
    let make_port = v8::Local::new(scope, &moved.make_port);
    call_with_message(scope, port, &message, emit, make_port, Some(moved));
}

/// Read `message` (its ports made by `make_port`) and call `hook(port, value[, ports])`; when
/// it cannot be read, `hook(port, error, null, failed)`. A moved port's hook always gets the
/// port list, and `'error'` as `failed` (the main one gets `true`).
fn call_with_message<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    port: &Rc<PortHandle>,
    message: &Message,
    hook: v8::Local<'s, v8::Function>,
    make_port: v8::Local<'s, v8::Function>,
    moved: Option<Rc<Moved>>,
) {
    let object: v8::Local<v8::Value> = v8::Local::new(scope, &port.object).into();
    let mut ports = Vec::with_capacity(message.ports.len());
    for core in &message.ports {
        match adopt(scope, make_port, core.clone(), moved.clone()) {
            Some(p) => ports.push(p),
            None => return,
        }
    }
    v8::tc_scope!(let tc, scope);
    let args: Vec<v8::Local<v8::Value>> = match deserialize(tc, message, &ports) {
        Some(value) if ports.is_empty() && moved.is_none() => vec![object, value],
        Some(value) => {
            let list: Vec<v8::Local<v8::Value>> = ports.iter().map(|p| (*p).into()).collect();
            let list = v8::Array::new_with_elements(tc, &list);
            vec![object, value, list.into()]
        }
        None => {
            if tc.has_terminated() {
                return;
            }
            let error = tc.exception().unwrap_or_else(|| v8::undefined(tc).into());
            tc.reset();
            let null = v8::null(tc).into();
            let failed = match moved {
                Some(_) => js_string(tc, "error").into(),
                None => v8::Boolean::new(tc, true).into(),
            };
            vec![object, error, null, failed]
        }
    };
    crate::call_function(tc, hook, &args);
}

/// Give `core` a new port object in this loop (a port that arrived in a message or at start-up).
fn adopt<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    make_port: v8::Local<'s, v8::Function>,
    core: Arc<PortCore>,
    moved: Option<Rc<Moved>>,
) -> Option<v8::Local<'s, v8::Object>> {
    let recv = v8::undefined(scope).into();
    let object = make_port.call(scope, recv, &[])?;
    let object = v8::Local::<v8::Object>::try_from(object).ok()?;
    attach(scope, object, core, moved);
    Some(object)
}

/// Make `object` the JS side of `core` in this loop: a handle, unref'd until JS refs it.
fn attach(
    scope: &mut v8::PinScope,
    object: v8::Local<v8::Object>,
    core: Arc<PortCore>,
    moved: Option<Rc<Moved>>,
) -> usize {
    let global = v8::Global::new(scope, object);
    let handle = io::open_handle(scope, |token| PortHandle {
        token: token.0,
        core: core.clone(),
        object: global,
        started: Cell::new(false),
        gone: Cell::new(false),
        moved,
    });
    let token = handle.token;
    io::set_handle_ref(scope, token, false);
    io::set_handle_active(scope, token, true);
    let key = port_key(scope);
    let value = v8::Number::new(scope, token as f64);
    object.set_private(scope, key, value.into());
    let remote = state(scope).borrow().event_loop.io.remote();
    let wake = {
        let mut inner = core.lock();
        inner.owner = Some((remote, token));
        inner.notified = false;
        if !inner.queue.is_empty() || inner.peer_closed {
            inner.wake_owner()
        } else {
            None
        }
    };
    notify(wake);
    token
}

fn close_port(scope: &mut v8::PinScope, port: &Rc<PortHandle>) {
    if port.gone.replace(true) {
        return;
    }
    release(&port.core, true);
    let object = port.object.clone();
    io::close_handle(scope, port.token, move |scope| {
        let on_close = state(scope).borrow().messaging.on_close.clone();
        if let Some(f) = on_close {
            let f = v8::Local::new(scope, f);
            let object = v8::Local::new(scope, object);
            crate::call_function(scope, f, &[object.into()]);
        }
    });
}

/// The open port behind a JS port object.
fn port_of(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Option<Rc<PortHandle>> {
    let object = v8::Local::<v8::Object>::try_from(value).ok()?;
    let key = port_key(scope);
    let token = object.get_private(scope, key)?;
    if !token.is_number() {
        return None;
    }
    let token = token.number_value(scope)? as usize;
    io::handle::<PortHandle>(scope, token)
}

// ===== for the worker module =====

/// Take the port behind `object` out of this loop to hand it to another thread (a new worker's
/// `parentPort`). `None` when it is not an open port.
pub(crate) fn take_port(
    scope: &mut v8::PinScope,
    object: v8::Local<v8::Value>,
) -> Option<Arc<PortCore>> {
    let port = port_of(scope, object)?;
    port.gone.set(true);
    release(&port.core, false);
    io::close_handle(scope, port.token, |_| {});
    Some(port.core.clone())
}

/// A new port object in this loop for `core` (made by the JS `makePort` hook).
pub(crate) fn adopt_port<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    core: Arc<PortCore>,
) -> Option<v8::Local<'s, v8::Object>> {
    let make_port = state(scope).borrow().messaging.make_port.clone()?;
    let make_port = v8::Local::new(scope, make_port);
    adopt(scope, make_port, core, None)
}

/// Deliver everything queued on the port behind `object` now (before a worker's 'exit').
pub(crate) fn drain_port(scope: &mut v8::PinScope, object: v8::Local<v8::Value>) {
    if let Some(port) = port_of(scope, object) {
        deliver(scope, &port, true);
    }
}

// ===== binding.messaging =====

pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "setup", js_setup);
    set_fn(scope, target, "channel", js_channel);
    set_fn(scope, target, "broadcast", js_broadcast);
    set_fn(scope, target, "post", js_post);
    set_fn(scope, target, "start", js_start);
    set_fn(scope, target, "setRef", js_set_ref);
    set_fn(scope, target, "hasRef", js_has_ref);
    set_fn(scope, target, "close", js_close);
    set_fn(scope, target, "receive", js_receive);
    set_fn(scope, target, "drain", js_drain);
    set_fn(scope, target, "isOpen", js_is_open);
    set_fn(scope, target, "markHost", js_mark_host);
    set_fn(scope, target, "moveToContext", js_move_to_context);
}

/// `moveToContext(port, object, emit, makePort)`: `object`, made in a vm context, becomes the
/// port behind `port`, whose queue and peer go with it; `port` is left detached (its posts go
/// nowhere and it never emits 'close', as in Node). `emit` and `makePort` are the context's
/// own ([`Moved`]). The moved port is ref'd, as Node's is, until it is unref'd or closed.
fn js_move_to_context(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(port) = port_of(scope, args.get(0)) else {
        return;
    };
    let (Ok(object), Some(emit), Some(make_port)) = (
        v8::Local::<v8::Object>::try_from(args.get(1)),
        function_arg(&args, 2),
        function_arg(&args, 3),
    ) else {
        return;
    };
    let Some(context) = object.get_creation_context(scope) else {
        return;
    };
    let moved = Rc::new(Moved {
        context: v8::Global::new(scope, context),
        emit: v8::Global::new(scope, emit),
        make_port: v8::Global::new(scope, make_port),
    });
    let started = port.started.get();
    port.gone.set(true);
    release(&port.core, false);
    io::close_handle(scope, port.token, |_| {});
    let token = attach(scope, object, port.core.clone(), Some(moved));
    io::set_handle_ref(scope, token, true);
    if started && let Some(moved) = io::handle::<PortHandle>(scope, token) {
        moved.started.set(true);
    }
    rv.set_bool(true);
}

/// `markHost(object)`: `object` travels in messages as what `hostClone` makes of it.
fn js_mark_host(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    if let Ok(object) = v8::Local::<v8::Object>::try_from(args.get(0)) {
        let key = host_key(scope);
        let value = v8::Boolean::new(scope, true);
        object.set_private(scope, key, value.into());
    }
}

fn function_arg<'s>(
    args: &v8::FunctionCallbackArguments<'s>,
    index: i32,
) -> Option<v8::Local<'s, v8::Function>> {
    v8::Local::<v8::Function>::try_from(args.get(index)).ok()
}

/// `setup(onMessage, makePort, onClose, hostClone, hostRevive)`: the JS side of every port of
/// this runtime.
fn js_setup(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let (Some(on_message), Some(make_port), Some(on_close)) = (
        function_arg(&args, 0),
        function_arg(&args, 1),
        function_arg(&args, 2),
    ) else {
        return;
    };
    let (Some(host_clone), Some(host_revive)) = (function_arg(&args, 3), function_arg(&args, 4))
    else {
        return;
    };
    let hooks = Hooks {
        on_message: Some(v8::Global::new(scope, on_message)),
        make_port: Some(v8::Global::new(scope, make_port)),
        on_close: Some(v8::Global::new(scope, on_close)),
        host_clone: Some(v8::Global::new(scope, host_clone)),
        host_revive: Some(v8::Global::new(scope, host_revive)),
    };
    state(scope).borrow_mut().messaging = hooks;
}

/// `channel(port1, port2)`: entangle two fresh port objects.
fn js_channel(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let (Ok(a), Ok(b)) = (
        v8::Local::<v8::Object>::try_from(args.get(0)),
        v8::Local::<v8::Object>::try_from(args.get(1)),
    ) else {
        return;
    };
    let (core_a, core_b) = PortCore::pair();
    attach(scope, a, core_a, None);
    attach(scope, b, core_b, None);
}

/// `broadcast(object, name)`: `object` joins the BroadcastChannel `name` (every thread's).
fn js_broadcast(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Ok(object) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let name = args.get(1).to_rust_string_lossy(scope);
    let core = PortCore::new();
    core.lock().broadcast = Some(name.clone());
    subscribe(&name, &core);
    attach(scope, object, core, None);
}

fn array_items<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    value: v8::Local<'s, v8::Value>,
) -> Vec<v8::Local<'s, v8::Value>> {
    let Ok(array) = v8::Local::<v8::Array>::try_from(value) else {
        return Vec::new();
    };
    (0..array.length())
        .filter_map(|i| array.get_index(scope, i))
        .collect()
}

/// `post(port, value, arrayBuffers, ports)`: clone `value` to the peer (or the channel),
/// moving the listed ArrayBuffers and ports. Throws DataCloneError for what cannot be cloned.
fn js_post<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue,
) {
    let port = port_of(scope, args.get(0));
    let mut buffers = Vec::new();
    for item in array_items(scope, args.get(2)) {
        let Ok(buffer) = v8::Local::<v8::ArrayBuffer>::try_from(item) else {
            continue;
        };
        if buffer.was_detached() || !buffer.is_detachable() {
            let msg = js_string(scope, "An ArrayBuffer is detached and could not be cloned.");
            throw_data_clone(scope, msg);
            return;
        }
        if buffers
            .iter()
            .any(|b: &v8::Local<v8::ArrayBuffer>| b.strict_equals(item))
        {
            let msg = js_string(scope, "Transfer list contains duplicate ArrayBuffer");
            throw_data_clone(scope, msg);
            return;
        }
        buffers.push(buffer);
    }
    let mut moving = Vec::new();
    for item in array_items(scope, args.get(3)) {
        if let Some(p) = port_of(scope, item) {
            moving.push(p);
        }
    }
    let tokens = moving.iter().map(|p| p.token).collect();
    // Sending a port's own peer through it loses the channel (Node warns and closes both).
    let lost = port.as_ref().is_some_and(|port| {
        let peer = port.core.lock().peer.upgrade();
        peer.is_some_and(|peer| moving.iter().any(|m| Arc::ptr_eq(&m.core, &peer)))
    });
    let Some(mut message) = serialize(scope, args.get(1), &buffers, tokens) else {
        return;
    };
    for p in moving {
        p.gone.set(true);
        release(&p.core, false);
        io::close_handle(scope, p.token, |_| {});
        message.ports.push(p.core.clone());
    }
    let Some(port) = port else {
        return;
    };
    if lost {
        for core in &message.ports {
            release(core, true);
        }
        let lost = js_string(scope, "lost");
        rv.set(lost.into());
        return;
    }
    let (peer, broadcast) = {
        let inner = port.core.lock();
        (inner.peer.upgrade(), inner.broadcast.clone())
    };
    if let Some(name) = broadcast {
        for other in subscribers(&name) {
            if !Arc::ptr_eq(&other, &port.core) {
                other.push(message.copy_for_broadcast());
            }
        }
    } else if let Some(peer) = peer {
        peer.push(message);
    }
    rv.set_bool(true);
}

fn js_start(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    if let Some(port) = port_of(scope, args.get(0))
        && !port.started.replace(true)
    {
        let wake = {
            let mut inner = port.core.lock();
            if !inner.queue.is_empty() || inner.peer_closed {
                inner.wake_owner()
            } else {
                None
            }
        };
        notify(wake);
    }
}

fn js_set_ref(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let refed = args.get(1).is_true();
    if let Some(port) = port_of(scope, args.get(0)) {
        io::set_handle_ref(scope, port.token, refed);
    }
}

fn js_has_ref(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let refed = port_of(scope, args.get(0)).is_some_and(|p| io::handle_has_ref(scope, p.token));
    rv.set_bool(refed);
}

fn js_is_open(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    rv.set_bool(port_of(scope, args.get(0)).is_some());
}

/// `close(port)`: the port delivers what it has queued, then closes in its next poll phase
/// ('close' follows in the close phase); the peer then does the same.
fn js_close(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    if let Some(port) = port_of(scope, args.get(0)) {
        port.core.lock().closing = true;
        port.core.wake();
    }
}

/// `receive(port)`: the next queued message as `[value]`, or undefined (receiveMessageOnPort).
fn js_receive(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(port) = port_of(scope, args.get(0)) else {
        return;
    };
    let Some(message) = port.core.lock().queue.pop_front() else {
        return;
    };
    let make_port = state(scope).borrow().messaging.make_port.clone();
    let Some(make_port) = make_port else {
        return;
    };
    let make_port = v8::Local::new(scope, make_port);
    let mut ports = Vec::new();
    for core in &message.ports {
        match adopt(scope, make_port, core.clone(), None) {
            Some(p) => ports.push(p),
            None => return,
        }
    }
    if let Some(value) = deserialize(scope, &message, &ports) {
        let array = v8::Array::new_with_elements(scope, &[value]);
        rv.set(array.into());
    }
}

fn js_drain(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    drain_port(scope, args.get(0));
}
