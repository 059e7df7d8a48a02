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

use v8::{ValueDeserializerHelper, ValueSerializerHelper};

use crate::io::{self, Handle, Ready, Remote};
use crate::native::{js_string, set_fn};
use crate::state::{exit_requested, state};

/// Memory of an ArrayBuffer or SharedArrayBuffer on its way to another isolate.
pub(crate) struct Store(v8::SharedRef<v8::BackingStore>);

// SAFETY: a backing store is reference-counted by V8 with atomic counts and its memory is plain
// bytes; V8 itself hands stores between isolates on other threads (SharedArrayBuffer). Only the
// receiving isolate touches the memory of a transferred one.
unsafe impl Send for Store {}

/// One posted message.
pub(crate) struct Message {
    data: Vec<u8>,
    /// Transferred ArrayBuffers, by transfer id.
    buffers: Vec<Store>,
    /// SharedArrayBuffers, by the id the serializer gave them.
    shared: Vec<Store>,
    /// Transferred ports, by their index in the transfer list's ports.
    ports: Vec<Arc<PortCore>>,
    /// JS host objects (FileHandles, transferable signals, histograms): the structured clone
    /// of what the JS `hostClone` hook made of each, revived by `hostRevive` on receipt.
    hosts: Vec<Vec<u8>>,
    /// WebAssembly.Module objects: their compiled code, shared with the receiving isolate.
    wasm: Vec<v8::CompiledWasmModule>,
}

impl Message {
    fn copy_for_broadcast(&self) -> Message {
        Message {
            data: self.data.clone(),
            buffers: Vec::new(),
            shared: self.shared.iter().map(|s| Store(s.0.clone())).collect(),
            ports: Vec::new(),
            hosts: self.hosts.clone(),
            // Compiled modules cannot be copied for several receivers; a broadcast of one
            // arrives as a 'messageerror'.
            wasm: Vec::new(),
        }
    }
}

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
    /// `onMessage(port, value, ports)`, or `onMessage(port, error, null, true)` when a message
    /// could not be deserialized ('messageerror').
    on_message: Option<v8::Global<v8::Function>>,
    /// `makePort()`: a fresh MessagePort object for a port that arrived.
    make_port: Option<v8::Global<v8::Function>>,
    /// `onClose(port)`: the port closed (here or at its peer).
    on_close: Option<v8::Global<v8::Function>>,
    /// `hostClone(object)`: plain data standing for a JS host object in a message.
    host_clone: Option<v8::Global<v8::Function>>,
    /// `hostRevive(data)`: the object a host object's data stands for, on this thread.
    host_revive: Option<v8::Global<v8::Function>>,
}

/// A port owned by this loop.
struct PortHandle {
    token: usize,
    core: Arc<PortCore>,
    object: v8::Global<v8::Object>,
    started: Cell<bool>,
    /// Closed, or transferred away: the handle is out of the table.
    gone: Cell<bool>,
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

/// Turn one message into JS values and hand it to `onMessage`.
fn emit(scope: &mut v8::PinScope, port: &Rc<PortHandle>, message: Message) {
    let st = state(scope);
    // Locals straight from the stored handles (no new global handle per message).
    let (on_message, make_port) = {
        let s = st.borrow();
        match (&s.messaging.on_message, &s.messaging.make_port) {
            (Some(m), Some(p)) => (v8::Local::new(scope, m), v8::Local::new(scope, p)),
            _ => return,
        }
    };
    let object = v8::Local::new(scope, &port.object);
    let mut ports = Vec::with_capacity(message.ports.len());
    for core in &message.ports {
        match adopt(scope, make_port, core.clone()) {
            Some(p) => ports.push(p),
            None => return,
        }
    }
    v8::tc_scope!(let tc, scope);
    let value = deserialize(tc, &message, &ports);
    let args: Vec<v8::Local<v8::Value>> = match value {
        Some(value) => {
            let list: Vec<v8::Local<v8::Value>> = ports.iter().map(|p| (*p).into()).collect();
            let list = v8::Array::new_with_elements(tc, &list);
            vec![object.into(), value, list.into()]
        }
        None => {
            if tc.has_terminated() {
                return;
            }
            let error = tc.exception().unwrap_or_else(|| v8::undefined(tc).into());
            tc.reset();
            let null = v8::null(tc).into();
            let flag = v8::Boolean::new(tc, true).into();
            vec![object.into(), error, null, flag]
        }
    };
    crate::call_function(tc, on_message, &args);
}

/// Give `core` a new port object in this loop (a port that arrived in a message or at start-up).
fn adopt<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    make_port: v8::Local<'s, v8::Function>,
    core: Arc<PortCore>,
) -> Option<v8::Local<'s, v8::Object>> {
    let recv = v8::undefined(scope).into();
    let object = make_port.call(scope, recv, &[])?;
    let object = v8::Local::<v8::Object>::try_from(object).ok()?;
    attach(scope, object, core);
    Some(object)
}

/// Make `object` the JS side of `core` in this loop: a handle, unref'd until JS refs it.
fn attach(scope: &mut v8::PinScope, object: v8::Local<v8::Object>, core: Arc<PortCore>) -> usize {
    let global = v8::Global::new(scope, object);
    let handle = io::open_handle(scope, |token| PortHandle {
        token: token.0,
        core: core.clone(),
        object: global,
        started: Cell::new(false),
        gone: Cell::new(false),
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

/// The private key a port object keeps its token under (invisible to user code).
fn port_key<'s>(scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::Private> {
    let name = js_string(scope, "eddy.messagePort");
    v8::Private::for_api(scope, Some(name))
}

/// The private key that marks a JS host object (`markTransferable`).
fn host_key<'s>(scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::Private> {
    let name = js_string(scope, "eddy.hostObject");
    v8::Private::for_api(scope, Some(name))
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

// ===== serialization =====

struct Writer {
    /// Tokens of the ports in the transfer list, in order.
    ports: Vec<usize>,
    shared: Rc<std::cell::RefCell<Vec<Store>>>,
    /// The JS host objects met, by index. V8 allows no JS while it serializes, so the
    /// `hostClone` hook runs on them once the value is written.
    hosts: Rc<std::cell::RefCell<Vec<v8::Global<v8::Object>>>>,
    wasm: Rc<std::cell::RefCell<Vec<v8::CompiledWasmModule>>>,
}

impl v8::ValueSerializerImpl for Writer {
    fn throw_data_clone_error<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        message: v8::Local<'s, v8::String>,
    ) {
        throw_data_clone(scope, message);
    }

    fn has_custom_host_object(&self, _isolate: &v8::Isolate) -> bool {
        true
    }

    fn is_host_object<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        object: v8::Local<'s, v8::Object>,
    ) -> Option<bool> {
        let key = port_key(scope);
        if object.has_private(scope, key).unwrap_or(false) {
            return Some(true);
        }
        let key = host_key(scope);
        Some(object.has_private(scope, key).unwrap_or(false))
    }

    fn write_host_object<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        object: v8::Local<'s, v8::Object>,
        serializer: &dyn ValueSerializerHelper,
    ) -> Option<bool> {
        let key = port_key(scope);
        if !object.has_private(scope, key).unwrap_or(false) {
            // A JS host object: what the hostClone hook makes of it travels in its place.
            let mut hosts = self.hosts.borrow_mut();
            let index = match hosts.iter().position(|h| h == &object) {
                Some(i) => i,
                None => {
                    hosts.push(v8::Global::new(scope, object));
                    hosts.len() - 1
                }
            };
            serializer.write_uint32(HOST_TAG);
            serializer.write_uint32(index as u32);
            return Some(true);
        }
        let token = object
            .get_private(scope, key)
            .and_then(|v| v.number_value(scope))
            .map(|n| n as usize);
        match token.and_then(|t| self.ports.iter().position(|p| *p == t)) {
            Some(index) => {
                serializer.write_uint32(PORT_TAG);
                serializer.write_uint32(index as u32);
                Some(true)
            }
            None => {
                crate::native::throw_type_error(
                    scope,
                    "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST",
                    "Object that needs transfer was found in message but not listed in transferList",
                );
                None
            }
        }
    }

    fn get_shared_array_buffer_id<'s>(
        &self,
        _scope: &mut v8::PinScope<'s, '_>,
        buffer: v8::Local<'s, v8::SharedArrayBuffer>,
    ) -> Option<u32> {
        let mut shared = self.shared.borrow_mut();
        shared.push(Store(buffer.get_backing_store()));
        Some(shared.len() as u32 - 1)
    }

    fn get_wasm_module_transfer_id(
        &self,
        _scope: &mut v8::PinScope<'_, '_>,
        module: v8::Local<v8::WasmModuleObject>,
    ) -> Option<u32> {
        let mut wasm = self.wasm.borrow_mut();
        wasm.push(module.get_compiled_module());
        Some(wasm.len() as u32 - 1)
    }
}

/// What a host object in the stream is: a transferred port or a JS host object's clone.
const PORT_TAG: u32 = 0;
const HOST_TAG: u32 = 1;

/// Plain structured-clone bytes of `value` (no transfers, no host objects).
fn clone_plain(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Option<Vec<u8>> {
    let context = scope.get_current_context();
    let writer = Writer {
        ports: Vec::new(),
        shared: Default::default(),
        hosts: Default::default(),
        wasm: Default::default(),
    };
    let serializer = v8::ValueSerializer::new(scope, Box::new(writer));
    serializer.write_header();
    if serializer.write_value(context, value) != Some(true) {
        return None;
    }
    Some(serializer.release())
}

/// The value of plain structured-clone bytes.
fn read_plain<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bytes: &[u8],
) -> Option<v8::Local<'s, v8::Value>> {
    let context = scope.get_current_context();
    let reader = Reader {
        shared: &[],
        wasm: &[],
        ports: Vec::new(),
        hosts: Vec::new(),
    };
    let deserializer = v8::ValueDeserializer::new(scope, Box::new(reader), bytes);
    if deserializer.read_header(context) != Some(true) {
        return None;
    }
    deserializer.read_value(context)
}

/// An Error named DataCloneError; JS turns it into the DOMException Node throws.
fn throw_data_clone(scope: &mut v8::PinScope, message: v8::Local<v8::String>) {
    let error = v8::Exception::error(scope, message);
    if let Ok(obj) = v8::Local::<v8::Object>::try_from(error) {
        let key = js_string(scope, "name");
        let value = js_string(scope, "DataCloneError");
        obj.set(scope, key.into(), value.into());
    }
    scope.throw_exception(error);
}

struct Reader<'a> {
    shared: &'a [Store],
    wasm: &'a [v8::CompiledWasmModule],
    ports: Vec<v8::Global<v8::Object>>,
    /// The host objects, revived before the value is read (V8 allows no JS meanwhile).
    hosts: Vec<v8::Global<v8::Object>>,
}

impl v8::ValueDeserializerImpl for Reader<'_> {
    fn read_host_object<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        deserializer: &dyn ValueDeserializerHelper,
    ) -> Option<v8::Local<'s, v8::Object>> {
        let (mut tag, mut index) = (0, 0);
        if !deserializer.read_uint32(&mut tag) || !deserializer.read_uint32(&mut index) {
            return None;
        }
        if tag == PORT_TAG {
            let port = self.ports.get(index as usize)?;
            return Some(v8::Local::new(scope, port));
        }
        let host = self.hosts.get(index as usize)?;
        Some(v8::Local::new(scope, host))
    }

    fn get_wasm_module_from_id<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        id: u32,
    ) -> Option<v8::Local<'s, v8::WasmModuleObject>> {
        let compiled = self.wasm.get(id as usize)?;
        v8::WasmModuleObject::from_compiled_module(scope, compiled)
    }

    fn get_shared_array_buffer_from_id<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        id: u32,
    ) -> Option<v8::Local<'s, v8::SharedArrayBuffer>> {
        let store = self.shared.get(id as usize)?;
        Some(v8::SharedArrayBuffer::with_backing_store(scope, &store.0))
    }
}

/// Serialize `value`, moving the ArrayBuffers in `buffers` and naming the ports (`port_tokens`)
/// it may contain. On failure an exception is pending and `None` comes back.
fn serialize(
    scope: &mut v8::PinScope,
    value: v8::Local<v8::Value>,
    buffers: &[v8::Local<v8::ArrayBuffer>],
    port_tokens: Vec<usize>,
) -> Option<Message> {
    let context = scope.get_current_context();
    let shared = Rc::new(std::cell::RefCell::new(Vec::new()));
    let hosts = Rc::new(std::cell::RefCell::new(Vec::new()));
    let wasm = Rc::new(std::cell::RefCell::new(Vec::new()));
    let writer = Writer {
        ports: port_tokens,
        shared: shared.clone(),
        hosts: hosts.clone(),
        wasm: wasm.clone(),
    };
    let serializer = v8::ValueSerializer::new(scope, Box::new(writer));
    for (i, buffer) in buffers.iter().enumerate() {
        serializer.transfer_array_buffer(i as u32, *buffer);
    }
    serializer.write_header();
    if serializer.write_value(context, value) != Some(true) {
        return None;
    }
    let data = serializer.release();
    let shared = std::mem::take(&mut *shared.borrow_mut());
    let found = std::mem::take(&mut *hosts.borrow_mut());
    let mut hosts = Vec::with_capacity(found.len());
    if !found.is_empty() {
        let hook = state(scope).borrow().messaging.host_clone.clone()?;
        let hook = v8::Local::new(scope, hook);
        for object in found {
            let object = v8::Local::new(scope, object);
            let recv = v8::undefined(scope).into();
            let clone = hook.call(scope, recv, &[object.into()])?;
            hosts.push(clone_plain(scope, clone)?);
        }
    }
    let mut moved = Vec::with_capacity(buffers.len());
    for buffer in buffers {
        moved.push(Store(buffer.get_backing_store()));
        buffer.detach(None);
    }
    Some(Message {
        data,
        buffers: moved,
        shared,
        ports: Vec::new(),
        hosts,
        wasm: std::mem::take(&mut *wasm.borrow_mut()),
    })
}

/// The value of `message` in this isolate (its ports already made: `ports`). `None` with an
/// exception pending when the bytes cannot be read.
fn deserialize<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    message: &Message,
    ports: &[v8::Local<'s, v8::Object>],
) -> Option<v8::Local<'s, v8::Value>> {
    let context = scope.get_current_context();
    let mut hosts = Vec::with_capacity(message.hosts.len());
    if !message.hosts.is_empty() {
        let hook = state(scope).borrow().messaging.host_revive.clone()?;
        let hook = v8::Local::new(scope, hook);
        for bytes in &message.hosts {
            let data = read_plain(scope, bytes)?;
            let recv = v8::undefined(scope).into();
            let object = hook.call(scope, recv, &[data])?;
            let object = v8::Local::<v8::Object>::try_from(object).ok()?;
            hosts.push(v8::Global::new(scope, object));
        }
    }
    let reader = Reader {
        shared: &message.shared,
        wasm: &message.wasm,
        ports: ports.iter().map(|p| v8::Global::new(scope, *p)).collect(),
        hosts,
    };
    let deserializer = v8::ValueDeserializer::new(scope, Box::new(reader), &message.data);
    for (i, store) in message.buffers.iter().enumerate() {
        let buffer = v8::ArrayBuffer::with_backing_store(scope, &store.0);
        deserializer.transfer_array_buffer(i as u32, buffer);
    }
    if deserializer.read_header(context) != Some(true) {
        return None;
    }
    deserializer.read_value(context)
}

// ===== structuredClone =====

/// `structuredClone(value)` within this isolate, with the serializer messages use (so
/// SharedArrayBuffers share their memory and WebAssembly modules their code, as in Node). On
/// failure a DataCloneError is pending and `None` comes back.
///
/// # Examples
///
/// ```
/// use eddy_runtime::{Runtime, RuntimeOptions};
///
/// static SOURCES: &[(&str, &str)] = &[(
///     "boot",
///     "module.exports = { evaluate: (src) => binding.runtime.runScript(src, 'x') };",
/// )];
/// let mut rt = Runtime::new(RuntimeOptions { builtins: SOURCES, bootstrap: "boot", ..Default::default() })
///     .unwrap();
/// // The embedder's own natives can call `eddy_runtime::structured_clone(scope, value)`.
/// assert_eq!(rt.eval::<f64>("1 + 1").unwrap(), 2.0);
/// ```
pub fn structured_clone<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    value: v8::Local<'s, v8::Value>,
) -> Option<v8::Local<'s, v8::Value>> {
    let message = serialize(scope, value, &[], Vec::new())?;
    deserialize(scope, &message, &[])
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
    adopt(scope, make_port, core)
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
    attach(scope, a, core_a);
    attach(scope, b, core_b);
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
    attach(scope, object, core);
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
        match adopt(scope, make_port, core.clone()) {
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
