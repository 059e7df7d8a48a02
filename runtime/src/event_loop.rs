//! **The** event loop: where every phase runs, in Node's order.
//!
//! ```text
//! 1. update time          4. poll (mio)             — issue 4: timers, pool, I/O
//! 2. timers               5. check (setImmediate)
//! 3. pending callbacks    6. close callbacks
//! 7. alive? — if nothing keeps the loop alive, emit 'beforeExit' (which may schedule more
//!    work and so revive the loop); stop when it is still empty afterwards.
//! ```
//!
//! After every callback into JS, [`crate::tasks::call`] drains `process.nextTick` and then the
//! microtasks. Today no handle kind exists yet (timers, the worker pool and sockets arrive
//! with the event-loop issue), so the loop is alive only while 'beforeExit' schedules work.

use crate::state::{exit_requested, hook};
use crate::tasks;

/// Run the loop until nothing keeps it alive or JS asks to exit.
pub(crate) fn run(scope: &mut v8::PinScope) {
    loop {
        if exit_requested(scope) {
            return;
        }
        // Phases 1–6 run here once handles exist.
        if alive(scope) {
            continue;
        }
        emit_before_exit(scope);
        if exit_requested(scope) || !alive(scope) {
            return;
        }
    }
}

/// Ref'd handles + ref'd timers + pending pool requests + pending immediates. None exist yet.
fn alive(_scope: &mut v8::PinScope) -> bool {
    false
}

fn emit_before_exit(scope: &mut v8::PinScope) {
    if let Some(f) = hook(scope, "emitBeforeExit") {
        let recv = v8::undefined(scope).into();
        tasks::call(scope, f, recv, &[]);
    }
}
