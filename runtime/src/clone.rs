//! Structured clone for messages: V8's serializer with Eddy's delegate. Transferred
//! ArrayBuffers move their backing stores, SharedArrayBuffers share theirs, WebAssembly modules
//! their compiled code; MessagePorts (by their index in the transfer list) and JS host objects
//! (FileHandles, transferable signals: see `markHost`) are V8 host objects. V8 runs no JS while it
//! serializes, so host objects are turned into data by the JS `hostClone` hook after the value is
//! written, and revived by `hostRevive` before it is read.

use std::rc::Rc;
use std::sync::Arc;

use v8::{ValueDeserializerHelper, ValueSerializerHelper};

use crate::messaging::PortCore;
use crate::native::js_string;
use crate::state::state;

/// Memory of an ArrayBuffer or SharedArrayBuffer on its way to another isolate.
pub(crate) struct Store(v8::SharedRef<v8::BackingStore>);

// SAFETY: a backing store is reference-counted by V8 with atomic counts and its memory is plain
// bytes; V8 itself hands stores between isolates on other threads (SharedArrayBuffer). Only the
// receiving isolate touches the memory of a transferred one.
unsafe impl Send for Store {}

/// One posted message.
pub(crate) struct Message {
    /// V8's wire format.
    pub data: Vec<u8>,
    /// Transferred ArrayBuffers, by transfer id.
    pub buffers: Vec<Store>,
    /// SharedArrayBuffers, by the id the serializer gave them.
    pub shared: Vec<Store>,
    /// Transferred ports, by their index in the transfer list's ports.
    pub ports: Vec<Arc<PortCore>>,
    /// JS host objects (FileHandles, transferable signals, histograms): the structured clone
    /// of what the JS `hostClone` hook made of each, revived by `hostRevive` on receipt.
    pub hosts: Vec<Vec<u8>>,
    /// WebAssembly.Module objects: their compiled code, shared with the receiving isolate.
    pub wasm: Vec<v8::CompiledWasmModule>,
}

impl Message {
    pub fn copy_for_broadcast(&self) -> Message {
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

/// The private key a port object keeps its token under (invisible to user code).
pub(crate) fn port_key<'s>(scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::Private> {
    clone_key(scope, 0)
}

/// The private key that marks a JS host object (`markTransferable`).
pub(crate) fn host_key<'s>(scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::Private> {
    clone_key(scope, 1)
}

fn clone_key<'s>(scope: &mut v8::PinScope<'s, '_>, index: usize) -> v8::Local<'s, v8::Private> {
    let st = state(scope);
    if let Some(keys) = &st.borrow().clone_keys {
        return v8::Local::new(scope, &keys[index]);
    }
    let keys = ["eddy.messagePort", "eddy.hostObject"].map(|name| {
        let name = js_string(scope, name);
        let key = v8::Private::for_api(scope, Some(name));
        v8::Global::new(scope, key)
    });
    let key = v8::Local::new(scope, &keys[index]);
    st.borrow_mut().clone_keys = Some(keys);
    key
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
pub(crate) fn throw_data_clone(scope: &mut v8::PinScope, message: v8::Local<v8::String>) {
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
pub(crate) fn serialize(
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
pub(crate) fn deserialize<'s>(
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
