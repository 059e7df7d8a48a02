//! **The** event loop: where every phase runs, in Node's (libuv's) order.
//!
//! ```text
//! 1. update time        — one cached "now" per iteration (timers started during the
//!                         iteration count from it, as uv_now does)
//! 2. timers             — every timer due at "now", earliest deadline first, ties in start order
//! 3. pending callbacks  — I/O callbacks deferred from the previous iteration (io::defer)
//! 4. poll               — wait in mio: 0 ms when immediates or pending/close callbacks are
//!                         queued, else until the next timer, else indefinitely while work is
//!                         pending; then run what finished: worker-pool completions (libuv
//!                         delivers them here, through its async handle), I/O readiness
//!                         callbacks of the handle table (io::dispatch), then completions fed
//!                         meanwhile, such as a shutdown's (io::dispatch_fed; libuv 1.45+ runs
//!                         its pending queue here too)
//! 5. check              — the setImmediate callbacks queued before this phase began
//! 6. close callbacks    — handles closed since the last close phase ('close' events); then
//!                         the tasks V8 posted to this thread (FinalizationRegistry cleanups)
//! 7. alive?             — ref'd timers, ref'd immediates, pending pool jobs, ref'd active
//!                         handles, queued pending/close callbacks.
//!                         When nothing is left, emit 'beforeExit' (which may schedule more work
//!                         and so revive the loop); stop when it is still empty afterwards.
//! ```
//!
//! Every callback goes through [`crate::tasks::call`], which drains `process.nextTick` and then
//! the microtasks after it.

use std::time::Duration;

use crate::io;
use crate::state::{exit_requested, hook, state};
use crate::tasks;

/// Run the loop until nothing keeps it alive or JS asks to exit.
pub(crate) fn run(scope: &mut v8::PinScope) {
    loop {
        // Handles made during an iteration die with it (the phases below also scope each
        // callback); without this, every Local the loop made would live until the loop ends.
        v8::scope!(let scope, scope);
        if exit_requested(scope) {
            return;
        }
        if alive(scope) {
            update_time(scope);
            run_timers(scope);
            run_pending(scope);
            // process.exit() in a timer or pending callback: don't block in the poll first
            // (with a server or child still alive it would wait for their next event).
            if exit_requested(scope) {
                return;
            }
            // Background work that will post a task here (an async WebAssembly compile) is
            // looked at before the tasks already posted are run: if none was under way then,
            // everything it posted has run before the poll phase sleeps.
            let background = scope.has_pending_background_tasks();
            run_platform_tasks(scope);
            if exit_requested(scope) {
                return;
            }
            let mut timeout = poll_timeout(scope);
            if background {
                // V8's default platform cannot wake this loop when such a task is posted:
                // look again every millisecond while one may come.
                timeout = Some(timeout.map_or(BACKGROUND_POLL, |t| t.min(BACKGROUND_POLL)));
            }
            poll(scope, timeout);
            run_check(scope);
            run_closing(scope);
            run_platform_tasks(scope);
            continue;
        }
        // As Node drains V8's tasks before it calls the loop done: a FinalizationRegistry
        // cleanup posted by the last GC still runs, and may start more work.
        if run_platform_tasks(scope) && (exit_requested(scope) || alive(scope)) {
            continue;
        }
        emit_before_exit(scope);
        if exit_requested(scope) || !alive(scope) {
            return;
        }
    }
}

fn update_time(scope: &mut v8::PinScope) {
    state(scope).borrow_mut().event_loop.update_time();
}

/// How often the poll phase looks for a task from V8's background work (see `run`).
const BACKGROUND_POLL: Duration = Duration::from_millis(1);

/// Ref'd timers + ref'd immediates + pending pool jobs + ref'd active handles + queued
/// pending/close callbacks + V8 background work that will post a task to this thread (an
/// async WebAssembly compile: Node drains those before it calls the loop done).
fn alive(scope: &mut v8::PinScope) -> bool {
    let busy = {
        let st = state(scope);
        let st = st.borrow();
        let lp = &st.event_loop;
        lp.timers.has_refed() || lp.immediates.has_refed() || lp.pool.pending() > 0 || lp.io.alive()
    };
    busy || scope.has_pending_background_tasks()
}

fn run_timers(scope: &mut v8::PinScope) {
    let st = state(scope);
    loop {
        let due = {
            let mut s = st.borrow_mut();
            let now = s.event_loop.now;
            s.event_loop.timers.pop_due(now)
        };
        let Some((_, timeout)) = due else { return };
        v8::scope!(let scope, scope);
        if let Some(f) = hook(scope, "onTimer") {
            let recv = v8::undefined(scope).into();
            let timeout = v8::Local::new(scope, timeout);
            tasks::call(scope, f, recv, &[timeout]);
        }
        if exit_requested(scope) {
            return;
        }
    }
}

/// Deferred I/O callbacks.
fn run_pending(scope: &mut v8::PinScope) {
    io::run_queue(scope, false);
}

fn poll_timeout(scope: &mut v8::PinScope) -> Option<Duration> {
    // As libuv's uv_backend_timeout: when the callbacks so far left nothing that keeps the loop
    // alive, don't wait (an unref'd timer must not hold the process up).
    if !alive(scope) {
        return Some(Duration::ZERO);
    }
    let st = state(scope);
    let mut s = st.borrow_mut();
    let lp = &mut s.event_loop;
    if lp.immediates.has_live() || lp.io.has_queued() {
        return Some(Duration::ZERO);
    }
    match lp.timers.next_deadline() {
        Some(deadline) => Some(Duration::from_millis(deadline.saturating_sub(lp.now))),
        None => None,
    }
}

fn poll(scope: &mut v8::PinScope, timeout: Option<Duration>) {
    let st = state(scope);
    // Nothing that could wake us: don't block (only unref'd timers or nothing at all).
    let timeout = {
        let s = st.borrow();
        let lp = &s.event_loop;
        if lp.pool.pending() == 0 && !lp.io.has_refed_active() && timeout.is_none() {
            Some(Duration::ZERO)
        } else {
            timeout
        }
    };
    wait_for_io(scope, timeout);
    // libuv updates its clock after polling, so timers started from these callbacks count from
    // the moment the wait ended.
    let now = {
        let mut s = st.borrow_mut();
        s.event_loop.update_time();
        s.event_loop.now
    };
    trim_now_and_then(now);
    let finished = st.borrow_mut().event_loop.pool.take_finished();
    for (complete, result) in finished {
        if exit_requested(scope) {
            return;
        }
        v8::scope!(let scope, scope);
        complete(scope, result);
    }
    io::dispatch(scope);
    io::dispatch_fed(scope);
}

/// The poll phase's wait, handing memory back to the system once the loop goes idle after
/// handles closed (a burst of connections ended, or a quiet spell follows some), so a server's
/// RSS comes back down after a load instead of staying at its peak:
/// - after many closes, just before blocking;
/// - after a few, only once the loop has really been idle for `LONG_IDLE` (the wait is split
///   at that point). Deciding from the timeout alone would run a full GC before every wait
///   that has no timer behind it, such as waiting for a child process a moment away.
///
/// Either way it happens only when nothing is ready, so it never delays a callback.
fn wait_for_io(scope: &mut v8::PinScope, timeout: Option<Duration>) {
    let st = state(scope);
    let closed = st.borrow().event_loop.io.closed_since_trim;
    if timeout == Some(Duration::ZERO) || closed == 0 {
        st.borrow_mut().event_loop.io.poll(timeout);
        return;
    }
    if closed >= TRIM_AFTER_CLOSED {
        hand_back_memory(scope);
        st.borrow_mut().event_loop.io.poll(timeout);
        return;
    }
    if timeout.is_some_and(|t| t < LONG_IDLE) {
        st.borrow_mut().event_loop.io.poll(timeout);
        return;
    }
    let started = std::time::Instant::now();
    let woke = st.borrow_mut().event_loop.io.poll(Some(LONG_IDLE));
    if woke {
        return;
    }
    hand_back_memory(scope);
    let rest = timeout.map(|t| t.saturating_sub(started.elapsed()));
    st.borrow_mut().event_loop.io.poll(rest);
}

/// Handles closed before the loop goes idle that make it worth handing memory back at once.
const TRIM_AFTER_CLOSED: usize = 1000;
/// Idle this long after any handle closed, the loop hands memory back.
const LONG_IDLE: Duration = Duration::from_secs(1);

fn hand_back_memory(scope: &mut v8::PinScope) {
    {
        let st = state(scope);
        let mut s = st.borrow_mut();
        s.event_loop.io.closed_since_trim = 0;
        s.event_loop.io.shrink();
    }
    scope.low_memory_notification();
    crate::modules::release_used_pages();
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory at the top of glibc's heaps.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// glibc keeps what V8's compiler threads free (their zones, several MB while a busy process
/// warms up) in the threads' arenas, scattered, where only `malloc_trim` returns it: without
/// this a server under steady load holds it as RSS until the load ends. So every so often
/// (each poll phase asks, with the loop's cached clock) the heaps are trimmed; when a trim
/// finds nothing, the next waits twice as long (up to `TRIM_MAX_MS`), so an idle process or a
/// quiet one costs next to nothing.
fn trim_now_and_then(now: u64) {
    // When the next trim is due (loop ms), and the interval that led there.
    thread_local! {
        static NEXT_TRIM: std::cell::Cell<(u64, u64)> =
            const { std::cell::Cell::new((TRIM_MIN_MS, TRIM_MIN_MS)) };
    }
    let (due, interval) = NEXT_TRIM.get();
    if now < due {
        return;
    }
    crate::modules::release_used_pages();
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes each arena's lock itself and releases only free pages.
    let released = unsafe { libc::malloc_trim(0) } != 0;
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let released = false;
    let interval = if released {
        TRIM_MIN_MS
    } else {
        (interval * 2).min(TRIM_MAX_MS)
    };
    NEXT_TRIM.set((now + interval, interval));
}

/// The shortest and longest spacing of `trim_now_and_then`'s trims.
const TRIM_MIN_MS: u64 = 1000;
const TRIM_MAX_MS: u64 = 32_000;

fn run_check(scope: &mut v8::PinScope) {
    let st = state(scope);
    let queued = st.borrow().event_loop.immediates.len();
    // Set while an immediate that threw left the ticks for the next one (tasks::call_batched).
    let mut undrained = false;
    for _ in 0..queued {
        let next = st.borrow_mut().event_loop.immediates.pop();
        v8::scope!(let scope, scope);
        match next {
            Some(Some(id)) => {
                if let Some(f) = hook(scope, "onImmediate") {
                    let recv = v8::undefined(scope).into();
                    let arg = v8::Integer::new_from_unsigned(scope, id).into();
                    undrained = matches!(
                        tasks::call_batched(scope, f, recv, &[arg]),
                        tasks::Outcome::Threw
                    );
                }
            }
            Some(None) => {}
            None => break,
        }
        if exit_requested(scope) {
            return;
        }
    }
    if undrained {
        tasks::drain_ticks(scope);
    }
}

/// Tasks V8 posted to this thread (a FinalizationRegistry's cleanup after a GC), then the
/// ticks and microtasks they queued, as after any callback.
/// True when a task ran.
fn run_platform_tasks(scope: &mut v8::PinScope) -> bool {
    let ran = crate::isolate::run_platform_tasks(scope);
    if ran {
        tasks::drain_ticks(scope);
    }
    ran
}

/// Close callbacks of the handles closed since the last close phase.
fn run_closing(scope: &mut v8::PinScope) {
    io::run_queue(scope, true);
}

fn emit_before_exit(scope: &mut v8::PinScope) {
    if let Some(f) = hook(scope, "emitBeforeExit") {
        let recv = v8::undefined(scope).into();
        tasks::call(scope, f, recv, &[]);
    }
}
