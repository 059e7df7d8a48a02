//! What `--inspect*` and `inspector.open()/close()/url()/waitForDebugger()` do with the
//! socket server: start and stop it, hold the thread until a debugger says
//! `Runtime.runIfWaitingForDebugger`, pause at the first statement of the user's code
//! (`--inspect-brk`), answer Node's own `NodeRuntime` domain, and at exit wait for the
//! debuggers still attached to leave.

use std::rc::Rc;

use v8::inspector::StringView;

use super::remote::{endpoint, serve_until};
use super::server::{Server, Target};
use super::{Key, Session, Shared, inspector, workers};
use crate::native::js_string;

/// `open(port, host, title, url, version, publishStderr, publishHttp)` → whether it listens.
/// A failure (the address is in use) is printed as Node prints it, not thrown.
pub(super) fn js_open(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(inspector) = inspector(scope) else {
        return;
    };
    if inspector.server.borrow().is_some() {
        rv.set_bool(true);
        return;
    }
    let port = args.get(0).uint32_value(scope).unwrap_or(0).min(65535) as u16;
    let text = |scope: &mut v8::PinScope, i: i32| {
        let v = args.get(i);
        if v.is_undefined() || v.is_null() {
            String::new()
        } else {
            v.to_rust_string_lossy(scope)
        }
    };
    let mut host = text(scope, 1);
    if host.is_empty() {
        host = "127.0.0.1".into();
    }
    let target = Target {
        title: text(scope, 2),
        url: text(scope, 3),
        version: text(scope, 4),
        publish_http: args.get(6).is_true(),
    };
    let publish_stderr = args.get(5).is_true();
    rv.set_bool(start(
        scope,
        &inspector,
        &host,
        port,
        target,
        publish_stderr,
    ));
}

fn start(
    scope: &mut v8::PinScope,
    inspector: &Shared,
    host: &str,
    port: u16,
    target: Target,
    publish_stderr: bool,
) -> bool {
    let endpoint = endpoint(scope, inspector);
    super::wrap_console(scope);
    match Server::start(host, port, target, endpoint) {
        Ok(server) => {
            if publish_stderr {
                eprintln!(
                    "Debugger listening on {}\nFor help, see: https://nodejs.org/en/docs/inspector",
                    server.url()
                );
            }
            *inspector.server.borrow_mut() = Some(server);
            true
        }
        Err(message) => {
            eprintln!("{message}");
            false
        }
    }
}

/// SIGUSR1 (signal.rs): listen on `process.debugPort` unless a server already listens, as
/// Node does; the script is the target.
pub(super) fn start_from_signal(scope: &mut v8::PinScope, inspector: &Shared) {
    if inspector.server.borrow().is_some() {
        return;
    }
    let context = v8::Local::new(scope, &inspector.main_context);
    let scope = &mut v8::ContextScope::new(scope, context);
    let global = context.global(scope);
    let Some(process) =
        get(scope, global, "process").and_then(|p| v8::Local::<v8::Object>::try_from(p).ok())
    else {
        return;
    };
    let port = get(scope, process, "debugPort")
        .and_then(|p| p.uint32_value(scope))
        .unwrap_or(9229)
        .min(65535) as u16;
    let version = get(scope, process, "version")
        .map(|v| v.to_rust_string_lossy(scope))
        .unwrap_or_default();
    let script = get(scope, process, "argv")
        .and_then(|a| v8::Local::<v8::Array>::try_from(a).ok())
        .and_then(|a| a.get_index(scope, 1))
        .filter(|s| s.is_string())
        .map(|s| s.to_rust_string_lossy(scope));
    let target = Target {
        title: script
            .clone()
            .unwrap_or_else(|| format!("eddy[{}]", std::process::id())),
        url: script.map_or_else(|| "file://".into(), |s| super::file_url(&s)),
        version,
        publish_http: true,
    };
    if start(scope, inspector, "127.0.0.1", port, target, true) {
        let bound = inspector.server.borrow().as_ref().map_or(port, |s| s.port);
        let key = js_string(scope, "debugPort");
        let value = v8::Integer::new_from_unsigned(scope, bound as u32);
        let _ = process.set(scope, key.into(), value.into());
    }
}

/// `url()` → the WebSocket URL, or undefined when no server listens.
pub(super) fn js_url(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let url = scope
        .get_slot::<Shared>()
        .and_then(|i| i.server.borrow().as_ref().map(Server::url));
    if let Some(url) = url {
        rv.set(js_string(scope, &url).into());
    }
}

/// `port()` → the port listened on, or undefined.
pub(super) fn js_port(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let port = scope
        .get_slot::<Shared>()
        .and_then(|i| i.server.borrow().as_ref().map(|s| s.port));
    if let Some(port) = port {
        rv.set_uint32(port as u32);
    }
}

/// `close()`: stop listening and end the debuggers' sessions.
pub(super) fn js_close(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Some(inspector) = scope.get_slot::<Shared>().cloned() else {
        return;
    };
    close(&inspector);
}

fn close(inspector: &Shared) {
    let server = inspector.server.borrow_mut().take();
    let Some(server) = server else {
        return;
    };
    server.stop();
    let sockets: Vec<u64> = inspector
        .remote_sessions
        .borrow()
        .iter()
        .filter(|(_, s)| s.socket.get())
        .map(|(id, _)| *id)
        .collect();
    for id in sockets {
        if let Some(session) = inspector.remote_sessions.borrow_mut().remove(&id) {
            inspector.pending.borrow_mut().push(session);
        }
    }
    inspector.drain();
}

/// `waitForDebugger()` → false when no server listens; otherwise serves the debuggers until
/// one of them sends `Runtime.runIfWaitingForDebugger`.
pub(super) fn js_wait_for_debugger(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(inspector) = scope.get_slot::<Shared>().cloned() else {
        rv.set_bool(false);
        return;
    };
    if inspector.server.borrow().is_none() {
        rv.set_bool(false);
        return;
    }
    inspector.released.set(false);
    serve_until(scope, &inspector, &|i| {
        i.released.get() || i.server.borrow().is_none()
    });
    inspector.drain();
    rv.set_bool(true);
}

/// `callAndPauseOnStart(fn, thisArg, ...args)`: call `fn` with every session that enabled the
/// debugger set to pause at the next statement, which is `fn`'s first (`--inspect-brk`).
pub(super) fn js_call_and_pause_on_start(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(f) = v8::Local::<v8::Function>::try_from(args.get(0)) else {
        crate::native::throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            "The \"fn\" argument must be of type function",
        );
        return;
    };
    if let Some(inspector) = scope.get_slot::<Shared>().cloned() {
        let reason = StringView::from(&b"Break on start"[..]);
        for session in inspector.sessions.borrow().values() {
            session.v8.schedule_pause_on_next_statement(reason, reason);
        }
        for session in inspector.remote_sessions.borrow().values() {
            session.v8.schedule_pause_on_next_statement(reason, reason);
        }
    }
    let this = args.get(1);
    let rest: Vec<v8::Local<v8::Value>> = (2..args.length()).map(|i| args.get(i)).collect();
    if let Some(value) = f.call(scope, this, &rest) {
        rv.set(value);
    }
}

/// Node's own domains, which V8 knows nothing of: `NodeRuntime` (what a debugger is told at
/// exit) and `NodeWorker` (workers.rs). Returns whether `message` was one of their commands
/// (and has been answered).
pub(super) fn node_domain(
    scope: &mut v8::PinScope,
    session: &Session,
    key: Key,
    message: &str,
) -> bool {
    if !message.contains("NodeRuntime.") && !message.contains("NodeWorker.") {
        return false;
    }
    let text = js_string(scope, message);
    let Some(parsed) = v8::json::parse(scope, text) else {
        return false;
    };
    let Ok(parsed) = v8::Local::<v8::Object>::try_from(parsed) else {
        return false;
    };
    let Some(method) = get(scope, parsed, "method") else {
        return false;
    };
    let method = method.to_rust_string_lossy(scope);
    let id = get(scope, parsed, "id")
        .and_then(|v| v.integer_value(scope))
        .unwrap_or(0);
    let mut param = |name: &str| -> Option<String> {
        let params = get(scope, parsed, "params")?;
        let params = v8::Local::<v8::Object>::try_from(params).ok()?;
        let value = get(scope, params, name)?;
        (!value.is_undefined()).then(|| value.to_rust_string_lossy(scope))
    };
    let enabled = param("enabled").is_some_and(|v| v == "true");
    let session_id = param("sessionId");
    let worker_message = param("message");
    let ok = format!("{{\"id\":{id},\"result\":{{}}}}");
    match method.as_str() {
        "NodeRuntime.enable" | "NodeRuntime.disable" => {}
        "NodeRuntime.notifyWhenWaitingForDisconnect" => {
            session.notify_disconnect.set(enabled);
        }
        "NodeWorker.enable" => {
            // The workers are reported before the answer, as Node does.
            workers::enable(scope, session, key);
        }
        "NodeWorker.disable" => {
            session.node_worker.set(false);
            workers::detach(session, None);
        }
        "NodeWorker.detach" => {
            if let Some(session_id) = &session_id {
                workers::detach(session, Some(session_id));
            }
        }
        "NodeWorker.sendMessageToWorker" => {
            let session_id = session_id.unwrap_or_default();
            let message = worker_message.unwrap_or_default();
            if !workers::send_to(session, &session_id, message) {
                let error = format!(
                    "{{\"id\":{id},\"error\":{{\"code\":-32602,\"message\":\"Session not found\"}}}}"
                );
                super::deliver_text(scope, session, &error);
                return true;
            }
        }
        _ => return false,
    }
    super::deliver_text(scope, session, &ok);
    true
}

fn get<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    obj: v8::Local<'s, v8::Object>,
    key: &str,
) -> Option<v8::Local<'s, v8::Value>> {
    let key = js_string(scope, key);
    obj.get(scope, key.into())
}

fn send(scope: &mut v8::PinScope, session: &Session, message: &str) {
    super::deliver_text(scope, session, message);
}

/// `waitForDisconnect()`: what the process does at exit (see `wait_for_disconnect`).
pub(super) fn js_wait_for_disconnect(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    wait_for_disconnect(scope);
}

/// At exit: while debuggers are attached through the socket, say so and keep answering them
/// until they leave. The main context is reported destroyed first, unless a debugger asked
/// (`NodeRuntime.notifyWhenWaitingForDisconnect`) to be told instead, so it may still
/// evaluate in it. No new debugger may attach meanwhile.
fn wait_for_disconnect(scope: &mut v8::PinScope) {
    let Some(inspector) = scope.get_slot::<Shared>().cloned() else {
        return;
    };
    let attached = |i: &Shared| -> Vec<Rc<Session>> {
        i.remote_sessions
            .borrow()
            .values()
            .filter(|s| s.socket.get())
            .cloned()
            .collect()
    };
    let sessions = attached(&inspector);
    if let Some(server) = inspector.server.borrow().as_ref() {
        server.stop_accepting();
    }
    if sessions.is_empty() {
        return;
    }
    scope.cancel_terminate_execution();
    let in_worker = crate::state::state(scope).borrow().worker.is_some();
    if !in_worker {
        eprintln!("Waiting for the debugger to disconnect...");
    }
    let mut notified = false;
    for session in &sessions {
        if session.notify_disconnect.get() {
            send(
                scope,
                session,
                r#"{"method":"NodeRuntime.waitingForDisconnect","params":{}}"#,
            );
            session.retaining.set(true);
            notified = true;
        }
    }
    drop(sessions);
    if !notified {
        destroy_main_context(scope, &inspector);
    }
    serve_until(scope, &inspector, &|i| attached(i).is_empty());
    inspector.drain();
}

fn destroy_main_context(scope: &mut v8::PinScope, inspector: &Shared) {
    let context = v8::Local::new(scope, &inspector.main_context);
    inspector.v8.context_destroyed(context);
}

/// A session left: when it was the last one the main context was kept for (told
/// `NodeRuntime.waitingForDisconnect`), the others now see it destroyed.
pub(super) fn session_left(scope: &mut v8::PinScope, inspector: &Shared, session: &Session) {
    if !session.retaining.get() {
        return;
    }
    let others = inspector
        .remote_sessions
        .borrow()
        .values()
        .any(|s| s.retaining.get());
    if !others {
        destroy_main_context(scope, inspector);
    }
}
