//! SIGUSR1 starts the inspector's server in a running process, as in Node (`kill -USR1 pid`,
//! `process._debugProcess(pid)`, `node inspect -p pid`). The handler only writes a byte to a
//! pipe; a thread waiting on the pipe queues a command in the main thread's inbox (remote.rs),
//! which the main thread serves at its next stack check or loop turn and starts listening on
//! `process.debugPort`.

use std::io::Read;
use std::os::fd::FromRawFd;
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicI32, Ordering};

use super::remote::{Command, Endpoint};

static WRITE_FD: AtomicI32 = AtomicI32::new(-1);
static INSTALL: Once = Once::new();

extern "C" fn on_sigusr1(_signo: libc::c_int) {
    let fd = WRITE_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        let byte = 1u8;
        // SAFETY: write(2) is async-signal-safe; a full pipe only drops a repeated request.
        unsafe { libc::write(fd, (&byte as *const u8).cast(), 1) };
    }
}

/// Once per process, for the main thread's inspector.
pub(super) fn install(endpoint: Arc<Endpoint>) {
    INSTALL.call_once(|| {
        let mut fds = [0; 2];
        // SAFETY: pipe2 fills the two descriptors it returns.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) } < 0 {
            return;
        }
        // The read end blocks (only the handler's write end must never block).
        // SAFETY: fds[0] is ours, just made.
        unsafe {
            let flags = libc::fcntl(fds[0], libc::F_GETFL);
            libc::fcntl(fds[0], libc::F_SETFL, flags & !libc::O_NONBLOCK);
        }
        // SAFETY: the read end is owned by the thread from here on.
        let mut reader = unsafe { std::fs::File::from_raw_fd(fds[0]) };
        let spawned = std::thread::Builder::new()
            .name("inspector-signal".into())
            .spawn(move || {
                let mut byte = [0u8; 1];
                while matches!(reader.read(&mut byte), Ok(1)) {
                    endpoint.send(Command::StartServer);
                }
            });
        if spawned.is_err() {
            return;
        }
        WRITE_FD.store(fds[1], Ordering::Relaxed);
        // SAFETY: installing a handler that only writes to a pipe.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigusr1 as *const () as usize;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGUSR1, &action, std::ptr::null_mut());
        }
    });
}
