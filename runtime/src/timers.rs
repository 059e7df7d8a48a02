//! The timer queue: a min-heap keyed by (deadline, start sequence), so timers with equal
//! deadlines fire in the order they were started (libuv's rule). Entries are invalidated
//! lazily: `stop` and `start` on a running timer bump its sequence, and stale heap entries are
//! skipped when they surface.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// Timer id, chosen by the JS side.
pub(crate) type TimerId = u32;

/// One live timer.
struct Entry {
    /// Sequence number of the heap entry that is current for this timer.
    seq: u64,
    /// Whether it keeps the loop alive.
    refed: bool,
}

/// Pending timers and how many of them keep the loop alive.
#[derive(Default)]
pub(crate) struct Timers {
    /// (deadline in loop milliseconds, sequence, id), smallest first.
    heap: BinaryHeap<Reverse<(u64, u64, TimerId)>>,
    /// Live timers by id; a heap entry whose sequence differs is stale.
    live: HashMap<TimerId, Entry>,
    /// Next start sequence.
    next_seq: u64,
    /// Live timers with `refed` set.
    refed: usize,
}

impl Timers {
    /// (Re)start `id` to fire at `now + delay` (delay at least 1 ms, as in Node).
    pub fn start(&mut self, id: TimerId, now: u64, delay: u64, refed: bool) {
        self.stop(id);
        let seq = self.next_seq;
        self.next_seq += 1;
        self.heap.push(Reverse((now + delay.max(1), seq, id)));
        self.live.insert(id, Entry { seq, refed });
        if refed {
            self.refed += 1;
        }
    }

    /// Forget `id`; a no-op when it is not running.
    pub fn stop(&mut self, id: TimerId) {
        if let Some(entry) = self.live.remove(&id)
            && entry.refed
        {
            self.refed -= 1;
        }
    }

    /// Change whether `id` keeps the loop alive.
    pub fn set_ref(&mut self, id: TimerId, refed: bool) {
        if let Some(entry) = self.live.get_mut(&id)
            && entry.refed != refed
        {
            entry.refed = refed;
            if refed {
                self.refed += 1;
            } else {
                self.refed -= 1;
            }
        }
    }

    /// Whether any live timer keeps the loop alive.
    pub fn has_refed(&self) -> bool {
        self.refed > 0
    }

    /// Whether any timer (ref'd or not) is pending.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.live.is_empty()
    }

    /// Deadline of the earliest live timer.
    pub fn next_deadline(&mut self) -> Option<u64> {
        self.drop_stale();
        self.heap.peek().map(|Reverse((deadline, _, _))| *deadline)
    }

    /// Remove and return the earliest timer due at `now`, if any.
    pub fn pop_due(&mut self, now: u64) -> Option<TimerId> {
        self.drop_stale();
        let Reverse((deadline, _, id)) = *self.heap.peek()?;
        if deadline > now {
            return None;
        }
        self.heap.pop();
        self.stop(id);
        Some(id)
    }

    fn drop_stale(&mut self) {
        while let Some(Reverse((_, seq, id))) = self.heap.peek() {
            match self.live.get(id) {
                Some(entry) if entry.seq == *seq => return,
                _ => {
                    self.heap.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Timers;

    fn drain(t: &mut Timers, now: u64) -> Vec<u32> {
        std::iter::from_fn(|| t.pop_due(now)).collect()
    }

    #[test]
    fn timer_order_equal_deadlines_fire_in_start_order() {
        let mut t = Timers::default();
        t.start(3, 0, 5, true);
        t.start(1, 0, 5, true);
        t.start(2, 0, 5, true);
        assert_eq!(drain(&mut t, 5), vec![3, 1, 2]);
    }

    #[test]
    fn timer_order_by_deadline_then_sequence() {
        let mut t = Timers::default();
        t.start(1, 0, 10, true);
        t.start(2, 0, 1, true);
        t.start(3, 2, 0, true); // zero delay means 1 ms
        assert_eq!(t.next_deadline(), Some(1));
        assert_eq!(drain(&mut t, 3), vec![2, 3]);
        assert_eq!(drain(&mut t, 9), Vec::<u32>::new());
        assert_eq!(drain(&mut t, 10), vec![1]);
        assert!(t.is_empty());
    }

    #[test]
    fn timer_stop_and_restart_invalidate_old_entries() {
        let mut t = Timers::default();
        t.start(1, 0, 5, true);
        t.start(2, 0, 5, true);
        t.stop(1);
        t.start(2, 0, 8, true); // refresh: moves to the back
        t.start(3, 0, 8, true);
        assert_eq!(drain(&mut t, 7), Vec::<u32>::new());
        assert_eq!(drain(&mut t, 8), vec![2, 3]);
    }

    #[test]
    fn timer_ref_counts() {
        let mut t = Timers::default();
        t.start(1, 0, 5, true);
        t.start(2, 0, 5, false);
        assert!(t.has_refed());
        t.set_ref(1, false);
        assert!(!t.has_refed());
        t.set_ref(2, true);
        t.set_ref(2, true);
        assert!(t.has_refed());
        t.stop(2);
        assert!(!t.has_refed());
        assert!(!t.is_empty());
    }
}

// ===== immediates =====

/// The `setImmediate` queue, run in the check phase. Entries are ids chosen by JS; a cleared
/// immediate stays in the queue and is skipped when reached.
#[derive(Default)]
pub(crate) struct Immediates {
    queue: std::collections::VecDeque<TimerId>,
    /// Live immediates and whether each keeps the loop alive.
    live: HashMap<TimerId, bool>,
    refed: usize,
}

impl Immediates {
    pub fn push(&mut self, id: TimerId, refed: bool) {
        self.queue.push_back(id);
        self.live.insert(id, refed);
        if refed {
            self.refed += 1;
        }
    }

    pub fn clear(&mut self, id: TimerId) {
        if self.live.remove(&id) == Some(true) {
            self.refed -= 1;
        }
    }

    pub fn set_ref(&mut self, id: TimerId, refed: bool) {
        if let Some(r) = self.live.get_mut(&id)
            && *r != refed
        {
            *r = refed;
            if refed {
                self.refed += 1;
            } else {
                self.refed -= 1;
            }
        }
    }

    /// Whether a live immediate keeps the loop alive (and so the poll must not block).
    pub fn has_refed(&self) -> bool {
        self.refed > 0
    }

    /// Whether any live immediate is queued.
    pub fn has_live(&self) -> bool {
        !self.live.is_empty()
    }

    /// How many entries are queued now: the check phase runs only these, so immediates queued
    /// by immediates run on the next loop iteration, as in Node.
    pub fn len(&self) -> usize {
        self.queue.len()
    }

    /// The next live immediate, removed from the queue.
    pub fn pop(&mut self) -> Option<Option<TimerId>> {
        let id = self.queue.pop_front()?;
        Some(match self.live.remove(&id) {
            Some(refed) => {
                if refed {
                    self.refed -= 1;
                }
                Some(id)
            }
            None => None,
        })
    }
}

// ===== natives for stdlib-js (binding.timers.*) =====

use crate::native::set_fn;
use crate::state::state;

pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "start", js_start);
    set_fn(scope, target, "stop", js_stop);
    set_fn(scope, target, "setRef", js_set_ref);
    set_fn(scope, target, "now", js_now);
    set_fn(scope, target, "scheduleImmediate", js_schedule_immediate);
    set_fn(scope, target, "clearImmediate", js_clear_immediate);
    set_fn(scope, target, "setImmediateRef", js_set_immediate_ref);
}

fn id_arg(scope: &mut v8::PinScope, args: &v8::FunctionCallbackArguments, i: i32) -> TimerId {
    args.get(i).uint32_value(scope).unwrap_or(0)
}

/// `start(id, delayMs, refed)`: (re)arm timer `id`. Like Node (whose `getLibuvNow` updates
/// libuv's clock first), the deadline counts from the current time, not the iteration's start:
/// a long synchronous main script must not make its own timers already due.
fn js_start(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let id = id_arg(scope, &args, 0);
    let delay = args.get(1).number_value(scope).unwrap_or(1.0);
    let delay = if delay.is_finite() && delay >= 1.0 {
        delay as u64
    } else {
        1
    };
    let refed = args.get(2).boolean_value(scope);
    let st = state(scope);
    let mut st = st.borrow_mut();
    st.event_loop.update_time();
    let now = st.event_loop.now;
    st.event_loop.timers.start(id, now, delay, refed);
}

fn js_stop(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let id = id_arg(scope, &args, 0);
    state(scope).borrow_mut().event_loop.timers.stop(id);
}

fn js_set_ref(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let id = id_arg(scope, &args, 0);
    let refed = args.get(1).boolean_value(scope);
    state(scope)
        .borrow_mut()
        .event_loop
        .timers
        .set_ref(id, refed);
}

/// `now()`: the loop's clock in milliseconds, refreshed first (Node's `getLibuvNow`).
fn js_now(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let st = state(scope);
    st.borrow_mut().event_loop.update_time();
    let now = st.borrow().event_loop.now;
    rv.set(v8::Number::new(scope, now as f64).into());
}

fn js_schedule_immediate(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let id = id_arg(scope, &args, 0);
    let refed = args.get(1).boolean_value(scope);
    state(scope)
        .borrow_mut()
        .event_loop
        .immediates
        .push(id, refed);
}

fn js_clear_immediate(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let id = id_arg(scope, &args, 0);
    state(scope).borrow_mut().event_loop.immediates.clear(id);
}

fn js_set_immediate_ref(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let id = id_arg(scope, &args, 0);
    let refed = args.get(1).boolean_value(scope);
    state(scope)
        .borrow_mut()
        .event_loop
        .immediates
        .set_ref(id, refed);
}
