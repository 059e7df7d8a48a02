//! Node's `NodeWorker` domain: a session on a thread's inspector lists the worker threads
//! started under that thread (children and their children, flat, as Node reports them) with
//! `NodeWorker.attachedToWorker`, opens a session on each worker's own inspector, forwards
//! `NodeWorker.sendMessageToWorker` to it and hands its answers back as
//! `NodeWorker.receivedMessageFromWorker`.
//!
//! Every worker's inspector is in a process-wide list with its endpoint (remote.rs); a worker
//! session's outbox queues the messages in the parent thread's inbox, which hands them to
//! the parent session on the parent's thread.

use std::sync::{Arc, Mutex};

use super::remote::{Command, Endpoint, NEXT_ID, Outbox, endpoint, lock};
use super::{Key, Session, Shared};

struct Entry {
    thread_id: u64,
    parent_id: u64,
    title: String,
    endpoint: Arc<Endpoint>,
}

static WORKERS: Mutex<Vec<Entry>> = Mutex::new(Vec::new());

/// A worker's inspector was made: list it, and tell the threads above it, whose sessions may
/// have the domain enabled.
pub(super) fn register(scope: &mut v8::PinScope, inspector: &Shared) {
    let (thread_id, parent_id, name) = {
        let st = crate::state::state(scope);
        let st = st.borrow();
        let Some(worker) = &st.worker else {
            return;
        };
        (
            worker.shared.thread_id,
            worker.shared.parent_id,
            worker.name.clone(),
        )
    };
    let title = if name.is_empty() {
        format!("[worker {thread_id}]")
    } else {
        format!("[worker {thread_id}] {name}")
    };
    let endpoint = endpoint(scope, inspector);
    let mut list = lock(&WORKERS);
    list.push(Entry {
        thread_id,
        parent_id,
        title,
        endpoint,
    });
    let mut above = parent_id;
    loop {
        match endpoint_of(&list, above) {
            Some(e) => e.send(Command::WorkerStarted { thread_id }),
            None => break,
        }
        if above == 0 {
            break;
        }
        above = list
            .iter()
            .find(|e| e.thread_id == above)
            .map_or(0, |e| e.parent_id);
    }
}

/// A worker's inspector goes away.
pub(super) fn unregister(thread_id: u64) {
    lock(&WORKERS).retain(|e| e.thread_id != thread_id);
}

fn endpoint_of(list: &[Entry], thread_id: u64) -> Option<Arc<Endpoint>> {
    if thread_id == 0 {
        return super::remote::main_endpoint();
    }
    list.iter()
        .find(|e| e.thread_id == thread_id)
        .map(|e| e.endpoint.clone())
}

/// Whether `thread_id` was started (directly or not) under thread `root`.
fn descends(list: &[Entry], mut thread_id: u64, root: u64) -> bool {
    for _ in 0..list.len() {
        let Some(entry) = list.iter().find(|e| e.thread_id == thread_id) else {
            return false;
        };
        if entry.parent_id == root {
            return true;
        }
        thread_id = entry.parent_id;
    }
    false
}

fn this_thread(scope: &mut v8::PinScope) -> u64 {
    crate::state::state(scope)
        .borrow()
        .worker
        .as_ref()
        .map_or(0, |w| w.shared.thread_id)
}

/// `NodeWorker.enable`: report every worker below this thread.
pub(super) fn enable(scope: &mut v8::PinScope, session: &Session, key: Key) {
    session.node_worker.set(true);
    let root = this_thread(scope);
    let ids: Vec<u64> = {
        let list = lock(&WORKERS);
        list.iter()
            .filter(|e| descends(&list, e.thread_id, root))
            .map(|e| e.thread_id)
            .collect()
    };
    for id in ids {
        attach(scope, session, key, id);
    }
}

/// A worker started below this thread: sessions with the domain enabled attach to it.
pub(super) fn started(scope: &mut v8::PinScope, inspector: &Shared, thread_id: u64) {
    let mut sessions: Vec<(Key, std::rc::Rc<Session>)> = inspector
        .sessions
        .borrow()
        .iter()
        .map(|(id, s)| (Key::Local(*id), s.clone()))
        .collect();
    sessions.extend(
        inspector
            .remote_sessions
            .borrow()
            .iter()
            .map(|(id, s)| (Key::Remote(*id), s.clone())),
    );
    for (key, session) in sessions {
        if session.node_worker.get() {
            attach(scope, &session, key, thread_id);
        }
    }
}

/// Open a session on worker `thread_id` for `session` and report it.
fn attach(scope: &mut v8::PinScope, session: &Session, key: Key, thread_id: u64) {
    if session
        .attached
        .borrow()
        .values()
        .any(|(t, _)| *t == thread_id)
    {
        return;
    }
    let (worker, title) = {
        let list = lock(&WORKERS);
        match list.iter().find(|e| e.thread_id == thread_id) {
            Some(e) => (e.endpoint.clone(), e.title.clone()),
            None => return,
        }
    };
    let Some(inspector) = scope.get_slot::<Shared>().cloned() else {
        return;
    };
    let here = endpoint(scope, &inspector);
    let remote_id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let session_id = remote_id.to_string();
    worker.send(Command::Connect {
        id: remote_id,
        outbox: Arc::new(Outbox::parent(here, key, session_id.clone(), thread_id)),
    });
    session
        .attached
        .borrow_mut()
        .insert(session_id.clone(), (thread_id, remote_id));
    let info = format!(
        "{{\"method\":\"NodeWorker.attachedToWorker\",\"params\":{{\"sessionId\":\"{session_id}\",\
         \"workerInfo\":{{\"workerId\":\"{thread_id}\",\"type\":\"worker\",\"title\":{},\
         \"url\":\"\"}},\"waitingForDebugger\":false}}}}",
        super::server::json_string(&title)
    );
    super::deliver_text(scope, session, &info);
}

/// `NodeWorker.sendMessageToWorker`: hand `message` to the worker session `session_id`.
pub(super) fn send_to(session: &Session, session_id: &str, message: String) -> bool {
    let Some((thread_id, remote_id)) = session.attached.borrow().get(session_id).copied() else {
        return false;
    };
    let worker = lock(&WORKERS)
        .iter()
        .find(|e| e.thread_id == thread_id)
        .map(|e| e.endpoint.clone());
    match worker {
        Some(worker) => {
            worker.send(Command::Dispatch {
                id: remote_id,
                message,
            });
            true
        }
        None => false,
    }
}

/// `NodeWorker.detach`, or the session ends: close its worker sessions.
pub(super) fn detach(session: &Session, only: Option<&str>) {
    let removed: Vec<(u64, u64)> = {
        let mut attached = session.attached.borrow_mut();
        match only {
            Some(id) => attached.remove(id).into_iter().collect(),
            None => attached.drain().map(|(_, v)| v).collect(),
        }
    };
    let list = lock(&WORKERS);
    for (thread_id, remote_id) in removed {
        if let Some(e) = list.iter().find(|e| e.thread_id == thread_id) {
            e.endpoint.send(Command::Disconnect { id: remote_id });
        }
    }
}

/// On the parent's thread: a worker session's message for `key`'s session.
pub(super) fn received(
    scope: &mut v8::PinScope,
    inspector: &Shared,
    key: Key,
    session_id: &str,
    worker_id: u64,
    message: &str,
) {
    let Some(session) = super::find_session(inspector, key) else {
        return;
    };
    if !session.attached.borrow().contains_key(session_id) {
        return;
    }
    let text = format!(
        "{{\"method\":\"NodeWorker.receivedMessageFromWorker\",\"params\":{{\"sessionId\":\"{session_id}\",\
         \"message\":{},\"workerId\":\"{worker_id}\"}}}}",
        super::server::json_string(message)
    );
    super::deliver_text(scope, &session, &text);
}
