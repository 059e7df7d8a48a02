//! Sessions other threads hold on an isolate's inspector: a worker's on the main thread's
//! (`Session.connectToMainThread()`), and the socket server's (server.rs), whose sessions come
//! through the same inbox.
//!
//! The worker never touches the main isolate: it queues commands (connect, a protocol message,
//! disconnect) in the main thread's inbox and asks the main thread to look, both through an
//! isolate interrupt (taken at the next stack check while main runs JS, as Node does) and
//! through the main loop (while it waits in the poll). The main thread answers into the
//! session's outbox, and the worker's loop hands those messages to its JS callback.
//!
//! While a worker's session has paused the main thread on a breakpoint, V8 runs
//! `run_message_loop_on_pause` on the main thread: it waits on the inbox and serves commands
//! until the session resumes or goes away, so the worker can inspect the paused frames.

use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::Duration;

use crate::io::{Handle, Ready, Remote};
use crate::native::throw_type_error;

use super::{Key, Shared, Sink, inspector};

pub(super) enum Command {
    Connect {
        id: u64,
        outbox: Arc<Outbox>,
    },
    Dispatch {
        id: u64,
        message: String,
    },
    Disconnect {
        id: u64,
    },
    /// SIGUSR1 arrived: start the server (signal.rs).
    StartServer,
    /// A worker started below this thread (workers.rs).
    WorkerStarted {
        thread_id: u64,
    },
    /// A message from a worker's session for this thread's session `key` (workers.rs).
    FromWorker {
        key: Key,
        session_id: String,
        worker_id: u64,
        message: String,
    },
}

/// Commands for an isolate's inspector, from other threads (workers, the socket server).
#[derive(Default)]
pub(super) struct Inbox {
    commands: Mutex<VecDeque<Command>>,
    arrived: Condvar,
}

/// How other threads reach one isolate's inspector: its inbox, the loop handle that serves it
/// while the loop waits, and the isolate (an interrupt serves it while JS runs).
pub(super) struct Endpoint {
    inbox: Arc<Inbox>,
    remote: Arc<Remote>,
    token: usize,
    isolate: v8::IsolateHandle,
}

impl Endpoint {
    /// Queue `command` and make the isolate's thread look, whatever it is doing.
    pub(super) fn send(&self, command: Command) {
        lock(&self.inbox.commands).push_back(command);
        self.inbox.arrived.notify_all();
        self.remote.notify(self.token);
        self.isolate
            .request_interrupt(on_interrupt, std::ptr::null_mut());
    }
}

/// The main thread's endpoint, for workers' `connectToMainThread()`.
static MAIN: Mutex<Option<Arc<Endpoint>>> = Mutex::new(None);
pub(super) static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Messages from an isolate's inspector for one session on another thread: a worker's (its
/// loop hands them to JS) or a socket's (its writer thread frames them).
pub(super) struct Outbox {
    messages: Mutex<VecDeque<String>>,
    target: Target,
}

enum Target {
    Loop {
        remote: Arc<Remote>,
        token: usize,
        isolate: v8::IsolateHandle,
    },
    Socket(mpsc::Sender<super::server::Out>),
    /// A worker's session opened by a session of its parent thread (NodeWorker).
    Parent {
        endpoint: Arc<Endpoint>,
        key: Key,
        session_id: String,
        worker_id: u64,
    },
}

impl Outbox {
    pub(super) fn socket(tx: mpsc::Sender<super::server::Out>) -> Outbox {
        Outbox {
            messages: Default::default(),
            target: Target::Socket(tx),
        }
    }

    pub(super) fn parent(
        endpoint: Arc<Endpoint>,
        key: Key,
        session_id: String,
        worker_id: u64,
    ) -> Outbox {
        Outbox {
            messages: Default::default(),
            target: Target::Parent {
                endpoint,
                key,
                session_id,
                worker_id,
            },
        }
    }

    pub(super) fn is_socket(&self) -> bool {
        matches!(self.target, Target::Socket(_))
    }

    pub(super) fn push(&self, message: String) {
        match &self.target {
            Target::Loop {
                remote,
                token,
                isolate,
            } => {
                lock(&self.messages).push_back(message);
                remote.notify(*token);
                // As in Node, a message reaches JS in a microtask queued at once (even while
                // the thread runs JS), not only when its loop next polls.
                isolate.request_interrupt(on_outbox_interrupt, *token as *mut std::ffi::c_void);
            }
            Target::Socket(tx) => {
                let _ = tx.send(super::server::Out::Text(message));
            }
            Target::Parent {
                endpoint,
                key,
                session_id,
                worker_id,
            } => endpoint.send(Command::FromWorker {
                key: *key,
                session_id: session_id.clone(),
                worker_id: *worker_id,
                message,
            }),
        }
    }
}

pub(super) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The inbox's loop handle: woken by a command while the loop polls. Unref'd: a remote
/// session does not keep the thread alive.
struct InboxHandle;

impl Handle for InboxHandle {
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, _ready: Ready) {
        serve(scope);
    }
}

/// This isolate's endpoint, made on first use.
pub(super) fn endpoint(scope: &mut v8::PinScope, inspector: &Shared) -> Arc<Endpoint> {
    if let Some(endpoint) = inspector.endpoint.borrow().as_ref() {
        return endpoint.clone();
    }
    let mut token = 0;
    crate::io::open_handle(scope, |t| {
        token = t.0;
        InboxHandle
    });
    crate::io::set_handle_ref(scope, token, false);
    let remote = crate::state::state(scope).borrow().event_loop.io.remote();
    let endpoint = Arc::new(Endpoint {
        inbox: inspector.inbox.clone(),
        remote,
        token,
        isolate: scope.thread_safe_handle(),
    });
    *inspector.endpoint.borrow_mut() = Some(endpoint.clone());
    endpoint
}

/// On the main thread's inspector creation: let workers find it.
pub(super) fn publish_main(scope: &mut v8::PinScope, inspector: &Shared) {
    let endpoint = endpoint(scope, inspector);
    super::signal::install(endpoint.clone());
    *lock(&MAIN) = Some(endpoint);
}

/// The main thread's endpoint, while its inspector lives.
pub(super) fn main_endpoint() -> Option<Arc<Endpoint>> {
    lock(&MAIN).clone()
}

/// On the main thread's inspector shutdown: workers can no longer connect.
pub(super) fn unpublish_main(inbox: &Arc<Inbox>) {
    let mut main = lock(&MAIN);
    if main.as_ref().is_some_and(|m| Arc::ptr_eq(&m.inbox, inbox)) {
        *main = None;
    }
}

/// Queue `command` for the main thread and make it look.
fn send(command: Command) -> bool {
    let main = lock(&MAIN).clone();
    let Some(main) = main else {
        return false;
    };
    main.send(command);
    true
}

unsafe extern "C" fn on_interrupt(isolate: v8::UnsafeRawIsolatePtr, _data: *mut std::ffi::c_void) {
    // SAFETY: V8 runs interrupts on the isolate's own thread while it lives.
    let mut isolate = unsafe { v8::Isolate::from_raw_isolate_ptr(isolate) };
    let Some(context) = isolate.get_slot::<Shared>().map(|i| i.main_context.clone()) else {
        return;
    };
    v8::scope_with_context!(let scope, &mut isolate, &context);
    serve(scope);
}

/// Run the commands other threads queued.
pub(super) fn serve(scope: &mut v8::PinScope) {
    let Some(inspector) = scope.get_slot::<Shared>().cloned() else {
        return;
    };
    if inspector.serving.replace(true) {
        return;
    }
    loop {
        let command = lock(&inspector.inbox.commands).pop_front();
        let Some(command) = command else {
            break;
        };
        run(scope, &inspector, command);
    }
    inspector.serving.set(false);
    inspector.drain();
}

fn run(scope: &mut v8::PinScope, inspector: &Shared, command: Command) {
    match command {
        Command::Connect { id, outbox } => {
            let socket = outbox.is_socket();
            let Some(sink) = Sink::new(scope, inspector, None, Some(outbox)) else {
                return;
            };
            let session = super::open_session(inspector, sink, false);
            session.socket.set(socket);
            super::wrap_console(scope);
            inspector.remote_sessions.borrow_mut().insert(id, session);
        }
        Command::Dispatch { id, message } => {
            let session = inspector.remote_sessions.borrow().get(&id).cloned();
            if let Some(session) = session {
                super::dispatch(scope, inspector, &session, Key::Remote(id), &message);
            }
        }
        Command::Disconnect { id } => {
            let session = inspector.remote_sessions.borrow_mut().remove(&id);
            if let Some(session) = session {
                super::control::session_left(scope, inspector, &session);
                super::workers::detach(&session, None);
                inspector.pending.borrow_mut().push(session);
            }
        }
        Command::StartServer => super::control::start_from_signal(scope, inspector),
        Command::WorkerStarted { thread_id } => {
            super::workers::started(scope, inspector, thread_id);
        }
        Command::FromWorker {
            key,
            session_id,
            worker_id,
            message,
        } => {
            super::workers::received(scope, inspector, key, &session_id, worker_id, &message);
        }
    }
}

/// Serve queued commands on this thread, blocking between them, until `done` holds. While
/// it runs, nothing else does on this thread: a breakpoint's pause, a wait for the debugger
/// or for the debugger to leave.
pub(super) fn serve_until(
    scope: &mut v8::PinScope,
    inspector: &Shared,
    done: &dyn Fn(&Shared) -> bool,
) {
    let was_serving = inspector.serving.replace(true);
    while !done(inspector) {
        let command = {
            let mut commands = lock(&inspector.inbox.commands);
            if commands.is_empty() {
                commands = inspector
                    .inbox
                    .arrived
                    .wait_timeout(commands, Duration::from_millis(50))
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
            commands.pop_front()
        };
        if let Some(command) = command {
            run(scope, inspector, command);
        }
    }
    inspector.serving.set(was_serving);
}

/// Paused on a breakpoint: serve remote sessions' commands (a worker's or a socket's) until
/// V8 resumes (it calls `quit_message_loop_on_pause`) or no remote session is left to
/// resume it. In-process sessions cannot wait (their thread is the paused one).
pub(super) fn run_paused(isolate_ptr: v8::UnsafeRawIsolatePtr, quit: &std::cell::Cell<bool>) {
    // SAFETY: V8 calls this on the isolate's thread, inside the paused JS.
    let mut isolate = unsafe { v8::Isolate::from_raw_isolate_ptr(isolate_ptr) };
    let Some(inspector) = isolate.get_slot::<Shared>().cloned() else {
        return;
    };
    if inspector.remote_sessions.borrow().is_empty() {
        return;
    }
    quit.set(false);
    v8::scope_with_context!(let scope, &mut isolate, &inspector.main_context);
    serve_until(scope, &inspector, &|i| {
        quit.get() || i.remote_sessions.borrow().is_empty()
    });
}

/// The worker side of one session: hands the main thread's messages to the JS callback.
struct OutboxHandle {
    outbox: Arc<Outbox>,
    callback: v8::Global<v8::Function>,
}

unsafe extern "C" fn on_outbox_interrupt(
    isolate: v8::UnsafeRawIsolatePtr,
    data: *mut std::ffi::c_void,
) {
    // SAFETY: V8 runs interrupts on the isolate's own thread while it lives.
    let mut isolate = unsafe { v8::Isolate::from_raw_isolate_ptr(isolate) };
    let Some(context) = isolate.get_slot::<Shared>().map(|i| i.main_context.clone()) else {
        return;
    };
    v8::scope_with_context!(let scope, &mut isolate, &context);
    let token = v8::Number::new(scope, data as usize as f64);
    if let Some(f) = v8::Function::builder(drain_outbox)
        .data(token.into())
        .build(scope)
    {
        scope.enqueue_microtask(f);
    }
}

/// The microtask an outbox's interrupt queued: hand its messages to JS.
fn drain_outbox(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let token = args.data().number_value(scope).unwrap_or(-1.0);
    if token < 0.0 {
        return;
    }
    let Some(handle) = crate::io::handle::<OutboxHandle>(scope, token as usize) else {
        return;
    };
    // Inside a microtask: a plain call, whose exception ends the drain and goes to V8.
    handle.deliver(scope, |scope, callback, text| {
        let recv = v8::undefined(scope).into();
        callback.call(scope, recv, &[text]).is_some()
    });
}

impl OutboxHandle {
    /// Hands each queued message to the JS callback through `call`, until the queue is empty
    /// or `call` says to stop.
    fn deliver(
        &self,
        scope: &mut v8::PinScope,
        mut call: impl for<'s, 'i> FnMut(
            &mut v8::PinScope<'s, 'i>,
            v8::Local<'s, v8::Function>,
            v8::Local<'s, v8::Value>,
        ) -> bool,
    ) {
        loop {
            let message = lock(&self.outbox.messages).pop_front();
            let Some(message) = message else {
                break;
            };
            let callback = v8::Local::new(scope, &self.callback);
            let text = crate::native::js_string(scope, &message).into();
            if !call(scope, callback, text) {
                break;
            }
        }
    }
}

impl Handle for OutboxHandle {
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, _ready: Ready) {
        // From the loop: a callback, with Node's handling of what it throws; stops on exit.
        self.deliver(scope, |scope, callback, text| {
            let recv = v8::undefined(scope).into();
            !matches!(
                crate::tasks::call(scope, callback, recv, &[text]),
                crate::tasks::Outcome::Exited
            )
        });
    }
}

/// `connectMain(onMessage)` (in a worker) → session id, or undefined when the main thread has
/// no inspector.
pub(super) fn js_connect_main(
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
    let remote = crate::state::state(scope).borrow().event_loop.io.remote();
    let isolate = scope.thread_safe_handle();
    let callback = v8::Global::new(scope, callback);
    let mut made = None;
    crate::io::open_handle(scope, |t| {
        let outbox = Arc::new(Outbox {
            messages: Mutex::new(VecDeque::new()),
            target: Target::Loop {
                remote,
                token: t.0,
                isolate: isolate.clone(),
            },
        });
        made = Some(outbox.clone());
        OutboxHandle { outbox, callback }
    });
    let Some(outbox) = made else {
        return;
    };
    let Target::Loop { token, .. } = outbox.target else {
        return;
    };
    crate::io::set_handle_ref(scope, token, false);
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    if !send(Command::Connect { id, outbox }) {
        crate::io::close_handle(scope, token, |_| {});
        return;
    }
    inspector.links.borrow_mut().insert(id, token);
    rv.set_double(id as f64);
}

/// `dispatchMain(id, message)`: send a protocol message to the main thread's session `id`.
pub(super) fn js_dispatch_main(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let id = args.get(0).number_value(scope).unwrap_or(0.0) as u64;
    let message = args.get(1).to_rust_string_lossy(scope);
    send(Command::Dispatch { id, message });
}

/// `disconnectMain(id)`: end the main thread's session `id`.
pub(super) fn js_disconnect_main(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let id = args.get(0).number_value(scope).unwrap_or(0.0) as u64;
    let token = scope
        .get_slot::<Shared>()
        .and_then(|i| i.links.borrow_mut().remove(&id));
    if let Some(token) = token {
        crate::io::close_handle(scope, token, |_| {});
        send(Command::Disconnect { id });
    }
}

/// A worker's runtime ends: its sessions on the main thread end with it.
pub(super) fn disconnect_all(inspector: &Shared) {
    for (id, _) in inspector.links.borrow_mut().drain() {
        send(Command::Disconnect { id });
    }
}
