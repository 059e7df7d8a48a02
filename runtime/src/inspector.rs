//! `binding.inspector`: V8's own inspector, one per isolate, with in-process sessions (what
//! `node:inspector`'s `Session` and the coverage writer use).
//!
//! The inspector is made on first use and kept in an isolate slot; the main context is
//! registered with it then. A session's responses and notifications go straight to its JS
//! callback, synchronously, from inside V8 (a breakpoint's `Debugger.paused` must reach JS
//! before the paused code goes on). Only same-thread sessions exist, so V8's "run a message
//! loop while paused" returns at once, as Node's does when no remote frontend is attached.
//!
//! A session dropped while V8 may be inside it (a callback that disconnects) would free memory
//! V8 still uses, so such drops wait in `pending` until no dispatch or callback is running.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use v8::inspector::{
    Channel, ChannelImpl, StringBuffer, StringView, V8Inspector, V8InspectorClient,
    V8InspectorClientImpl, V8InspectorClientTrustLevel, V8InspectorSession,
};

use crate::native::{js_string, set_fn, throw_type_error};

mod control;
mod remote;
mod server;
mod signal;
mod workers;
mod ws;

/// The one context group: the main context (and later vm contexts) share it, as in Node.
const GROUP: i32 = 1;

/// `binding.inspector`, kept to find `consoleFromVM` (V8's own console, saved by the
/// bootstrap) when the console is wrapped.
struct BindingObject(v8::Global<v8::Object>);

pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    let kept = v8::Global::new(scope, target);
    scope.set_slot(Rc::new(BindingObject(kept)));
    crate::snapshot::release_slot_before_snapshot::<Rc<BindingObject>>();
    set_fn(scope, target, "wrapConsole", js_wrap_console);
    set_fn(scope, target, "connect", js_connect);
    set_fn(scope, target, "dispatch", js_dispatch);
    set_fn(scope, target, "disconnect", js_disconnect);
    set_fn(scope, target, "isActive", js_is_active);
    set_fn(scope, target, "contextCreated", js_context_created);
    set_fn(scope, target, "connectMain", remote::js_connect_main);
    set_fn(scope, target, "dispatchMain", remote::js_dispatch_main);
    set_fn(scope, target, "disconnectMain", remote::js_disconnect_main);
    set_fn(scope, target, "open", control::js_open);
    set_fn(scope, target, "url", control::js_url);
    set_fn(scope, target, "port", control::js_port);
    set_fn(scope, target, "close", control::js_close);
    set_fn(
        scope,
        target,
        "waitForDebugger",
        control::js_wait_for_debugger,
    );
    set_fn(
        scope,
        target,
        "waitForDisconnect",
        control::js_wait_for_disconnect,
    );
    set_fn(
        scope,
        target,
        "callAndPauseOnStart",
        control::js_call_and_pause_on_start,
    );
}

/// `contextCreated(global, name)`: report a vm context (by its global) to the inspector, so
/// its scripts can be debugged and `Runtime.executionContextCreated` names it. V8 reports its
/// destruction itself when the context is collected.
fn js_context_created(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Ok(global) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let Some(context) = global.get_creation_context(scope) else {
        return;
    };
    let name = args.get(1).to_rust_string_lossy(scope);
    let Some(inspector) = inspector(scope) else {
        return;
    };
    let name: Vec<u16> = name.encode_utf16().collect();
    let aux = r#"{"isDefault":false}"#;
    inspector.v8.context_created(
        context,
        GROUP,
        StringView::from(&name[..]),
        StringView::from(aux.as_bytes()),
    );
}

/// What the isolate slot holds (an `Rc`, so callers can let go of the isolate borrow).
type Shared = Rc<Inspector>;

struct Inspector {
    /// Connected sessions by id. Declared before `v8` so they go first.
    sessions: RefCell<HashMap<u32, Rc<Session>>>,
    /// Disconnected sessions V8 might still be inside; dropped at the next safe point.
    pending: RefCell<Vec<Rc<Session>>>,
    /// Dispatches and session callbacks running now (nested ones count each); shared with
    /// every session's sink.
    depth: Rc<Cell<u32>>,
    next_id: Cell<u32>,
    /// A console call is being reported: console calls made by the session callbacks that
    /// report it go to stdout only, or a callback that logs would report itself forever.
    in_console_call: Cell<bool>,
    /// Remote sessions opened here (workers' on the main thread, debuggers' through the
    /// socket server), by their process-wide id.
    remote_sessions: RefCell<HashMap<u64, Rc<Session>>>,
    /// Commands from remote sessions.
    inbox: Arc<remote::Inbox>,
    /// Remote sessions' commands are being served (an interrupt taken while one of them
    /// runs JS must not start serving the queue a second time, nested).
    serving: Cell<bool>,
    /// In a worker: its sessions on the main thread (id → the handle their answers arrive on).
    links: RefCell<HashMap<u64, usize>>,
    /// How other threads reach this inspector (made when first needed).
    endpoint: RefCell<Option<Arc<remote::Endpoint>>>,
    /// The socket server, while one listens (`--inspect`, `inspector.open()`).
    server: RefCell<Option<server::Server>>,
    /// A session sent `Runtime.runIfWaitingForDebugger` (shared with the client).
    released: Rc<Cell<bool>>,
    /// In a worker: its thread id (its entry in the list of workers).
    thread_id: Option<u64>,
    /// The global console's methods report to the inspector (`wrap_console`).
    console_wrapped: Cell<bool>,
    main_context: v8::Global<v8::Context>,
    v8: V8Inspector,
}

struct Session {
    /// Declared first: V8's session goes before the state its channel points at.
    v8: V8InspectorSession,
    sink: Rc<Sink>,
    /// The runtime's own (the coverage collector): not a reason to mirror console calls.
    hidden: bool,
    /// A debugger's, through the socket server.
    socket: Cell<bool>,
    /// It asked for `NodeRuntime.waitingForDisconnect` at exit.
    notify_disconnect: Cell<bool>,
    /// It was told so: the main context stays until it leaves.
    retaining: Cell<bool>,
    /// `NodeWorker.enable`d: workers started later are reported to it.
    node_worker: Cell<bool>,
    /// Its sessions on workers' inspectors: NodeWorker session id → (thread id, remote id).
    attached: RefCell<HashMap<String, (u64, u64)>>,
}

/// How a thread finds one of its sessions again (an answer arriving from another thread).
#[derive(Clone, Copy)]
enum Key {
    Local(u32),
    Remote(u64),
}

fn find_session(inspector: &Shared, key: Key) -> Option<Rc<Session>> {
    match key {
        Key::Local(id) => inspector.sessions.borrow().get(&id).cloned(),
        Key::Remote(id) => inspector.remote_sessions.borrow().get(&id).cloned(),
    }
}

/// Hand `text` (a protocol message made here, not by V8) to `session` as V8's would go.
fn deliver_text(_scope: &mut v8::PinScope, session: &Session, text: &str) {
    let units: Vec<u16> = text.encode_utf16().collect();
    session
        .sink
        .deliver(StringBuffer::create(StringView::from(&units[..])));
}

/// Where a session's messages go: its JS callback, called in the main context, or a worker's
/// outbox.
struct Sink {
    isolate: v8::UnsafeRawIsolatePtr,
    context: v8::Global<v8::Context>,
    callback: RefCell<Option<v8::Global<v8::Function>>>,
    outbox: Option<Arc<remote::Outbox>>,
    /// The inspector's depth counter, raised while the callback runs.
    depth: Rc<Cell<u32>>,
}

impl Sink {
    fn new(
        scope: &mut v8::PinScope,
        inspector: &Shared,
        callback: Option<v8::Local<v8::Function>>,
        outbox: Option<Arc<remote::Outbox>>,
    ) -> Option<Rc<Sink>> {
        Some(Rc::new(Sink {
            // SAFETY: only read back on this isolate's thread while it lives.
            isolate: unsafe { scope.as_raw_isolate_ptr() },
            context: inspector.main_context.clone(),
            callback: RefCell::new(callback.map(|f| v8::Global::new(scope, f))),
            outbox,
            depth: inspector.depth.clone(),
        }))
    }
}

/// Connect a session whose messages go to `sink`.
fn open_session(inspector: &Shared, sink: Rc<Sink>, hidden: bool) -> Rc<Session> {
    let channel = Channel::new(Box::new(Handler(sink.clone())));
    let session = inspector.v8.connect(
        GROUP,
        channel,
        StringView::empty(),
        V8InspectorClientTrustLevel::FullyTrusted,
    );
    Rc::new(Session {
        v8: session,
        sink,
        hidden,
        socket: Cell::new(false),
        notify_disconnect: Cell::new(false),
        retaining: Cell::new(false),
        node_worker: Cell::new(false),
        attached: Default::default(),
    })
}

/// Hand `message` to `session`; its answer reaches the sink before this returns. Node's own
/// domains (NodeRuntime, NodeWorker) are answered here: V8 knows nothing of them.
fn dispatch(
    scope: &mut v8::PinScope,
    inspector: &Shared,
    session: &Session,
    key: Key,
    message: &str,
) {
    if control::node_domain(scope, session, key, message) {
        return;
    }
    let units: Vec<u16> = message.encode_utf16().collect();
    let depth = &inspector.depth;
    depth.set(depth.get() + 1);
    session
        .v8
        .dispatch_protocol_message(StringView::from(&units[..]));
    depth.set(depth.get() - 1);
}

struct Client {
    isolate: v8::UnsafeRawIsolatePtr,
    context: v8::Global<v8::Context>,
    /// V8 asked the paused loop to end (the debugger resumed).
    quit: Cell<bool>,
    /// Set when a session sends `Runtime.runIfWaitingForDebugger`.
    released: Rc<Cell<bool>>,
}

impl V8InspectorClientImpl for Client {
    /// In-process sessions cannot wait (their thread is the paused one), so as in Node only a
    /// remote session (a worker's, a socket's) holds the thread here, serving its commands
    /// until it resumes.
    fn run_message_loop_on_pause(&self, _group: i32) {
        remote::run_paused(self.isolate, &self.quit);
    }

    fn quit_message_loop_on_pause(&self) {
        self.quit.set(true);
    }

    fn run_if_waiting_for_debugger(&self, _group: i32) {
        self.released.set(true);
    }

    /// The main context: where `Runtime.evaluate` without a context id runs.
    fn ensure_default_context_in_group(&self, _group: i32) -> Option<v8::Local<'_, v8::Context>> {
        // SAFETY: V8 asks on the isolate's thread, inside its own handle scope, which a
        // callback scope made from the isolate reuses (it opens none), so the handle outlives
        // this call as V8 needs.
        let mut isolate = unsafe { v8::Isolate::from_raw_isolate_ptr(self.isolate) };
        v8::callback_scope!(unsafe scope, &mut isolate);
        let context = v8::Local::new(scope, &self.context);
        Some(unsafe {
            std::mem::transmute::<v8::Local<'_, v8::Context>, v8::Local<'_, v8::Context>>(context)
        })
    }

    /// Scripts named by an absolute path are reported by their file: URL, as Node does
    /// (`Debugger.setBreakpointByUrl` with `pathToFileURL(__filename)` finds them).
    fn resource_name_to_url(&self, name: &StringView) -> Option<v8::UniquePtr<StringBuffer>> {
        let name = view_to_string(name);
        if !name.starts_with('/') {
            return None;
        }
        let url = file_url(&name);
        Some(StringBuffer::create(StringView::from(url.as_bytes())))
    }
}

struct Handler(Rc<Sink>);

impl ChannelImpl for Handler {
    fn send_response(&self, _call_id: i32, message: v8::UniquePtr<StringBuffer>) {
        self.0.deliver(message);
    }
    fn send_notification(&self, message: v8::UniquePtr<StringBuffer>) {
        self.0.deliver(message);
    }
    fn flush_protocol_notifications(&self) {}
}

impl Sink {
    fn deliver(&self, message: v8::UniquePtr<StringBuffer>) {
        let Some(buffer) = message.as_ref() else {
            return;
        };
        if let Some(outbox) = &self.outbox {
            outbox.push(view_to_string(&buffer.string()));
            return;
        }
        let Some(callback) = self.callback.borrow().clone() else {
            return;
        };
        // SAFETY: V8 calls the channel on the isolate's own thread, while that isolate lives.
        let mut isolate = unsafe { v8::Isolate::from_raw_isolate_ptr(self.isolate) };
        v8::scope_with_context!(let scope, &mut isolate, &self.context);
        let Some(text) = view_to_js(scope, buffer.string()) else {
            return;
        };
        let callback = v8::Local::new(scope, callback);
        let recv = v8::undefined(scope).into();
        self.depth.set(self.depth.get() + 1);
        {
            // The JS side reports its own callbacks' errors; a termination (process.exit)
            // goes on unwinding by itself.
            v8::tc_scope!(let tc, scope);
            let _ = callback.call(tc, recv, &[text.into()]);
        }
        self.depth.set(self.depth.get() - 1);
    }
}

impl Inspector {
    /// Drop the sessions disconnected while V8 was busy, once nothing is running.
    fn drain(&self) {
        if self.depth.get() == 0 {
            let pending = std::mem::take(&mut *self.pending.borrow_mut());
            drop(pending);
        }
    }
}

/// The inspector of `scope`'s isolate, made (and the main context registered) on first use.
fn inspector(scope: &mut v8::PinScope) -> Option<Shared> {
    if let Some(shared) = scope.get_slot::<Shared>() {
        return Some(shared.clone());
    }
    let context = main_context(scope)?;
    let released = Rc::new(Cell::new(false));
    let client = V8InspectorClient::new(Box::new(Client {
        // SAFETY: only read back on this isolate's thread while it lives.
        isolate: unsafe { scope.as_raw_isolate_ptr() },
        context: v8::Global::new(scope, context),
        quit: Cell::new(false),
        released: released.clone(),
    }));
    let v8 = V8Inspector::create(scope, client);
    let name = context_name(scope);
    let aux = r#"{"isDefault":true}"#;
    v8.context_created(
        context,
        GROUP,
        StringView::from(name.as_bytes()),
        StringView::from(aux.as_bytes()),
    );
    let shared = Rc::new(Inspector {
        sessions: Default::default(),
        pending: Default::default(),
        depth: Rc::new(Cell::new(0)),
        next_id: Cell::new(1),
        in_console_call: Cell::new(false),
        remote_sessions: Default::default(),
        inbox: Default::default(),
        serving: Cell::new(false),
        links: Default::default(),
        endpoint: Default::default(),
        server: Default::default(),
        released,
        console_wrapped: Cell::new(false),
        thread_id: crate::state::state(scope)
            .borrow()
            .worker
            .as_ref()
            .map(|w| w.shared.thread_id),
        main_context: v8::Global::new(scope, context),
        v8,
    });
    scope.set_slot(shared.clone());
    if crate::state::state(scope).borrow().worker.is_none() {
        remote::publish_main(scope, &shared);
    } else {
        workers::register(scope, &shared);
    }
    Some(shared)
}

/// The main context's name, as Node gives it: `<argv0>[<pid>]`, or `Worker[<threadId>]`.
fn context_name(scope: &mut v8::PinScope) -> String {
    let st = crate::state::state(scope);
    let st = st.borrow();
    if let Some(worker) = &st.worker {
        return format!("Worker[{}]", worker.shared.thread_id);
    }
    let argv0 = st
        .options
        .as_ref()
        .map(|o| o.argv0.clone())
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| "eddy".into());
    format!("{argv0}[{}]", std::process::id())
}

/// The runtime's main context: the one the bootstrap's hooks object was made in.
fn main_context<'s>(scope: &mut v8::PinScope<'s, '_>) -> Option<v8::Local<'s, v8::Context>> {
    let hooks = crate::state::state(scope).borrow().hooks.clone();
    match hooks {
        Some(hooks) => v8::Local::new(scope, hooks).get_creation_context(scope),
        None => Some(scope.get_current_context()),
    }
}

/// `connect(onMessage, hidden)` → session id. `onMessage(json)` gets every response and notification.
fn js_connect(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(callback) = v8::Local::<v8::Function>::try_from(args.get(0)) else {
        throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            "The \"callback\" argument must be of type function",
        );
        return;
    };
    let Some(inspector) = inspector(scope) else {
        return;
    };
    inspector.drain();
    let Some(sink) = Sink::new(scope, &inspector, Some(callback), None) else {
        return;
    };
    let session = open_session(&inspector, sink, args.get(1).is_true());
    let id = inspector.next_id.get();
    inspector.next_id.set(id.wrapping_add(1));
    inspector.sessions.borrow_mut().insert(id, session);
    rv.set_uint32(id);
}

/// `dispatch(id, message)`: hand a protocol message (JSON text) to session `id`. Responses come
/// back through its callback before this returns.
fn js_dispatch(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Some(inspector) = scope.get_slot::<Shared>().cloned() else {
        return;
    };
    let id = args.get(0).uint32_value(scope).unwrap_or(0);
    let Ok(message) = v8::Local::<v8::String>::try_from(args.get(1)) else {
        throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            "The \"message\" argument must be of type string",
        );
        return;
    };
    let Some(session) = inspector.sessions.borrow().get(&id).cloned() else {
        return;
    };
    let message = message.to_rust_string_lossy(scope);
    dispatch(scope, &inspector, &session, Key::Local(id), &message);
    drop(session);
    inspector.drain();
}

/// `disconnect(id)`: end session `id` (a no-op when it is already gone).
fn js_disconnect(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Some(inspector) = scope.get_slot::<Shared>().cloned() else {
        return;
    };
    let id = args.get(0).uint32_value(scope).unwrap_or(0);
    let Some(session) = inspector.sessions.borrow_mut().remove(&id) else {
        return;
    };
    session.sink.callback.borrow_mut().take();
    workers::detach(&session, None);
    if inspector.depth.get() == 0 {
        drop(session);
    } else {
        inspector.pending.borrow_mut().push(session);
        // Usually the outer dispatch drains it; a callback run by V8 itself (a console
        // message's notification) has no such caller, so a microtask tries again.
        if let Some(f) = v8::Function::new_raw(scope, crate::snapshot::noted(js_drain)) {
            scope.enqueue_microtask(f);
        }
    }
}

fn js_drain(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    if let Some(inspector) = scope.get_slot::<Shared>().cloned() {
        inspector.drain();
    }
}

/// Make the isolate's inspector now, with the current context as the main one: scripts
/// compiled before it exists belong to no inspected context and are never reported to a
/// debugger, so the runtime attaches it before the bootstrap runs.
pub(crate) fn attach(scope: &mut v8::PinScope) {
    let _ = inspector(scope);
}

/// End every session and the inspector, while the isolate is still entered (the runtime's
/// drop calls this before the isolate goes).
pub(crate) fn shutdown(isolate: &mut v8::Isolate) {
    if let Some(inspector) = isolate.remove_slot::<Shared>() {
        if let Some(server) = inspector.server.borrow_mut().take() {
            server.stop();
        }
        remote::disconnect_all(&inspector);
        if let Some(id) = inspector.thread_id {
            workers::unregister(id);
        }
        remote::unpublish_main(&inspector.inbox);
        inspector.remote_sessions.borrow_mut().clear();
        inspector.sessions.borrow_mut().clear();
        inspector.pending.borrow_mut().clear();
    }
}

/// Whether a session is connected to this isolate's inspector.
fn has_sessions(scope: &mut v8::PinScope) -> bool {
    scope.get_slot::<Shared>().is_some_and(|i| {
        !i.remote_sessions.borrow().is_empty() || i.sessions.borrow().values().any(|s| !s.hidden)
    })
}

/// `isActive()`: whether a session is connected.
fn js_is_active(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    rv.set_bool(has_sessions(scope));
}

/// `wrapConsole()`: see `wrap_console`.
fn js_wrap_console(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    wrap_console(scope);
}

/// Console calls reach the inspector (`Runtime.consoleAPICalled`) once a session connects
/// (in-process or remote) or the server listens: each method of the global console is
/// wrapped, once, by a native function that calls V8's console method first. Being native,
/// the wrapper is no stack frame, so the notification's top frame is the caller's line.
fn wrap_console(scope: &mut v8::PinScope) {
    let Some(inspector) = scope.get_slot::<Shared>().cloned() else {
        return;
    };
    if inspector.console_wrapped.replace(true) {
        return;
    }
    let Some(binding) = scope.get_slot::<Rc<BindingObject>>().cloned() else {
        return;
    };
    let context = v8::Local::new(scope, &inspector.main_context);
    let scope = &mut v8::ContextScope::new(scope, context);
    let binding = v8::Local::new(scope, &binding.0);
    let key = js_string(scope, "consoleFromVM");
    let Some(vm_console) = binding
        .get(scope, key.into())
        .and_then(|v| v8::Local::<v8::Object>::try_from(v).ok())
    else {
        return;
    };
    let global = context.global(scope);
    let key = js_string(scope, "console");
    let Some(console) = global
        .get(scope, key.into())
        .and_then(|v| v8::Local::<v8::Object>::try_from(v).ok())
    else {
        return;
    };
    let Some(names) = vm_console.get_own_property_names(scope, Default::default()) else {
        return;
    };
    for i in 0..names.length() {
        let Some(name) = names.get_index(scope, i) else {
            continue;
        };
        let (Some(vm), Some(node)) = (vm_console.get(scope, name), console.get(scope, name)) else {
            continue;
        };
        let (Ok(vm), Ok(node)) = (
            v8::Local::<v8::Function>::try_from(vm),
            v8::Local::<v8::Function>::try_from(node),
        ) else {
            continue;
        };
        if let Some(wrapper) = console_wrapper(scope, vm, node, name) {
            console.set(scope, name, wrapper.into());
        }
    }
}

fn console_wrapper<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    vm: v8::Local<'s, v8::Function>,
    node: v8::Local<'s, v8::Function>,
    name: v8::Local<'s, v8::Value>,
) -> Option<v8::Local<'s, v8::Function>> {
    let pair = v8::Array::new_with_elements(scope, &[vm.into(), node.into()]);
    let f = v8::Function::builder(console_call)
        .data(pair.into())
        .build(scope)?;
    if let Ok(name) = v8::Local::<v8::String>::try_from(name) {
        f.set_name(name);
    }
    Some(f)
}

fn console_call(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(pair) = v8::Local::<v8::Array>::try_from(args.data()) else {
        return;
    };
    let mut values = Vec::with_capacity(args.length() as usize);
    for i in 0..args.length() {
        values.push(args.get(i));
    }
    let this = args.this().into();
    let inspector = scope.get_slot::<Shared>().cloned();
    if let Some(inspector) = inspector
        && !inspector.in_console_call.get()
        && (inspector.server.borrow().is_some() || has_sessions(scope))
        && let Some(vm) = pair.get_index(scope, 0)
        && let Ok(vm) = v8::Local::<v8::Function>::try_from(vm)
    {
        inspector.in_console_call.set(true);
        let reported = vm.call(scope, this, &values);
        inspector.in_console_call.set(false);
        if reported.is_none() {
            return;
        }
    }
    let Some(node) = pair.get_index(scope, 1) else {
        return;
    };
    let Ok(node) = v8::Local::<v8::Function>::try_from(node) else {
        return;
    };
    if let Some(value) = node.call(scope, this, &values) {
        rv.set(value);
    }
}

fn view_to_string(view: &StringView) -> String {
    match (view.characters8(), view.characters16()) {
        (Some(bytes), _) => bytes.iter().map(|&b| b as char).collect(),
        (None, Some(units)) => String::from_utf16_lossy(units),
        (None, None) => String::new(),
    }
}

fn view_to_js<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    view: StringView,
) -> Option<v8::Local<'s, v8::String>> {
    match (view.characters8(), view.characters16()) {
        (Some(bytes), _) => v8::String::new_from_one_byte(scope, bytes, v8::NewStringType::Normal),
        (None, Some(units)) => {
            v8::String::new_from_two_byte(scope, units, v8::NewStringType::Normal)
        }
        (None, None) => Some(js_string(scope, "")),
    }
}

/// `file://` + the path, percent-encoded as `url.pathToFileURL` does.
fn file_url(path: &str) -> String {
    let mut url = String::from("file://");
    for &b in path.as_bytes() {
        let keep = b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b);
        if keep {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}
