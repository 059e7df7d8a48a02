//! The poll phase's machinery: one `mio::Poll`, its event buffer, and the `Waker` that other
//! threads (the worker pool) use to interrupt a blocking poll.

use std::sync::Arc;
use std::time::Duration;

/// Token reserved for the waker; I/O handles get tokens from 1 up.
pub(crate) const WAKER: mio::Token = mio::Token(0);

pub(crate) struct Io {
    poll: mio::Poll,
    events: mio::Events,
    waker: Arc<mio::Waker>,
}

impl Io {
    pub fn new() -> std::io::Result<Self> {
        let poll = mio::Poll::new()?;
        let waker = Arc::new(mio::Waker::new(poll.registry(), WAKER)?);
        Ok(Io {
            poll,
            events: mio::Events::with_capacity(256),
            waker,
        })
    }

    /// A handle other threads can use to end a blocking [`Io::poll`] early.
    pub fn waker(&self) -> Arc<mio::Waker> {
        self.waker.clone()
    }

    /// Wait for I/O readiness or a wake-up, at most `timeout` (`None`: no limit). Returns
    /// whether the waker fired. An interrupted wait (EINTR) is just an early return, not an error.
    pub fn poll(&mut self, timeout: Option<Duration>) -> bool {
        match self.poll.poll(&mut self.events, timeout) {
            Ok(()) => self.events.iter().any(|e| e.token() == WAKER),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => false,
            Err(_) => false,
        }
    }
}
