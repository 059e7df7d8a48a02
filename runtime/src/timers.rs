//! The timer queue. Timers with the same duration are started in non-decreasing deadline
//! order, so — as in Node — each duration keeps a plain FIFO list, and a small min-heap holds
//! the head of every list keyed by (deadline, start sequence). Equal deadlines therefore fire
//! in the order they were started (libuv's rule), and firing costs O(1) per timer plus a heap
//! step over the few distinct durations. Entries are invalidated lazily: `stop` and `start` on
//! a running timer change its live sequence, and stale list entries are skipped when reached.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};

/// Timer id, chosen by the JS side.
pub(crate) type TimerId = u32;

/// Timer ids (and handle tokens) are small sequential integers: hashing them with SipHash is
/// wasted work.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        // Spread sequential ids over the table (Fibonacci hashing).
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n);
    }
    // The handle table's tokens (io.rs) are sequential too.
    fn write_usize(&mut self, n: usize) {
        self.0 = n as u64;
    }
}

type IdMap<V> = HashMap<TimerId, V, std::hash::BuildHasherDefault<IdHasher>>;

/// How many live entries keep the loop alive (the timer list and the immediate queue each
/// keep one).
#[derive(Default)]
struct RefCount(usize);

impl RefCount {
    fn add(&mut self, refed: bool) {
        self.0 += usize::from(refed);
    }

    fn remove(&mut self, refed: bool) {
        self.0 -= usize::from(refed);
    }

    /// Set an entry's `flag` to `refed`, keeping the count in step.
    fn switch(&mut self, flag: &mut bool, refed: bool) {
        if *flag != refed {
            self.remove(*flag);
            self.add(refed);
            *flag = refed;
        }
    }

    fn any(&self) -> bool {
        self.0 > 0
    }
}

/// One live timer.
struct Entry<T> {
    /// Sequence number of the list entry that is current for this timer.
    seq: u64,
    /// Whether it keeps the loop alive.
    refed: bool,
    /// What the owner wants back when it fires (the JS Timeout object, for the runtime).
    payload: T,
}

/// A queued start: (deadline in loop milliseconds, sequence, id).
type Slot = (u64, u64, TimerId);

/// Pending timers and how many of them keep the loop alive.
pub(crate) struct Timers<T = ()> {
    /// FIFO of starts per duration (ms); deadlines within one list never decrease.
    lists: HashMap<u64, VecDeque<Slot>>,
    /// (deadline, sequence, duration) of each non-empty list's front, smallest first. Exactly
    /// one entry per non-empty list; it may point at a stale front, fixed when it surfaces.
    heads: BinaryHeap<Reverse<(u64, u64, u64)>>,
    /// Live timers by id; a list entry whose sequence differs is stale.
    live: IdMap<Entry<T>>,
    /// Next start sequence.
    next_seq: u64,
    /// Live timers with `refed` set.
    refed: RefCount,
}

impl<T> Default for Timers<T> {
    fn default() -> Self {
        Timers {
            lists: HashMap::new(),
            heads: BinaryHeap::new(),
            live: IdMap::default(),
            next_seq: 0,
            refed: RefCount::default(),
        }
    }
}

impl<T> Timers<T> {
    /// (Re)start `id` to fire at `now + delay` (delay at least 1 ms, as in Node).
    pub fn start(&mut self, id: TimerId, now: u64, delay: u64, refed: bool, payload: T) {
        self.stop(id);
        let delay = delay.max(1);
        let seq = self.next_seq;
        self.next_seq += 1;
        let slot = (now + delay, seq, id);
        let list = self.lists.entry(delay).or_default();
        if list.is_empty() {
            self.heads.push(Reverse((slot.0, slot.1, delay)));
        }
        list.push_back(slot);
        self.live.insert(
            id,
            Entry {
                seq,
                refed,
                payload,
            },
        );
        self.refed.add(refed);
    }

    /// Forget `id` and hand back its payload; `None` when it is not running.
    pub fn stop(&mut self, id: TimerId) -> Option<T> {
        let entry = self.live.remove(&id)?;
        self.refed.remove(entry.refed);
        Some(entry.payload)
    }

    /// Change whether `id` keeps the loop alive.
    pub fn set_ref(&mut self, id: TimerId, refed: bool) {
        if let Some(entry) = self.live.get_mut(&id) {
            self.refed.switch(&mut entry.refed, refed);
        }
    }

    /// Whether any live timer keeps the loop alive.
    pub fn has_refed(&self) -> bool {
        self.refed.any()
    }

    /// Whether any timer (ref'd or not) is pending.
    pub fn is_empty(&self) -> bool {
        self.live.is_empty()
    }

    /// Deadline of the earliest live timer.
    pub fn next_deadline(&mut self) -> Option<u64> {
        self.earliest().map(|(deadline, _)| deadline)
    }

    /// Remove and return the earliest timer due at `now` with its payload, if any.
    pub fn pop_due(&mut self, now: u64) -> Option<(TimerId, T)> {
        let (deadline, duration) = self.earliest()?;
        if deadline > now {
            return None;
        }
        self.heads.pop();
        let list = self.lists.get_mut(&duration)?;
        let (_, _, id) = list.pop_front()?;
        if let Some(&(d, s, _)) = list.front() {
            self.heads.push(Reverse((d, s, duration)));
        }
        let payload = self.stop(id)?;
        Some((id, payload))
    }

    /// (deadline, duration) of the earliest live timer, with stale fronts and heads cleared so
    /// that the top of `heads` describes it.
    fn earliest(&mut self) -> Option<(u64, u64)> {
        loop {
            let Reverse((deadline, seq, duration)) = *self.heads.peek()?;
            let list = self.lists.get_mut(&duration)?;
            while let Some(&(_, s, id)) = list.front() {
                match self.live.get(&id) {
                    Some(entry) if entry.seq == s => break,
                    _ => {
                        list.pop_front();
                    }
                }
            }
            match list.front() {
                Some(&(d, s, _)) if d == deadline && s == seq => return Some((deadline, duration)),
                Some(&(d, s, _)) => {
                    self.heads.pop();
                    self.heads.push(Reverse((d, s, duration)));
                }
                None => {
                    self.heads.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Timers;

    fn drain(t: &mut Timers, now: u64) -> Vec<u32> {
        std::iter::from_fn(|| t.pop_due(now).map(|(id, ())| id)).collect()
    }

    #[test]
    fn timer_order_equal_deadlines_fire_in_start_order() {
        let mut t: Timers = Timers::default();
        t.start(3, 0, 5, true, ());
        t.start(1, 0, 5, true, ());
        t.start(2, 0, 5, true, ());
        assert_eq!(drain(&mut t, 5), vec![3, 1, 2]);
    }

    #[test]
    fn timer_order_by_deadline_then_sequence() {
        let mut t: Timers = Timers::default();
        t.start(1, 0, 10, true, ());
        t.start(2, 0, 1, true, ());
        t.start(3, 2, 0, true, ()); // zero delay means 1 ms
        assert_eq!(t.next_deadline(), Some(1));
        assert_eq!(drain(&mut t, 3), vec![2, 3]);
        assert_eq!(drain(&mut t, 9), Vec::<u32>::new());
        assert_eq!(drain(&mut t, 10), vec![1]);
        assert!(t.is_empty());
    }

    #[test]
    fn timer_stop_and_restart_invalidate_old_entries() {
        let mut t: Timers = Timers::default();
        t.start(1, 0, 5, true, ());
        t.start(2, 0, 5, true, ());
        t.stop(1);
        t.start(2, 0, 8, true, ()); // refresh: moves to the back
        t.start(3, 0, 8, true, ());
        assert_eq!(drain(&mut t, 7), Vec::<u32>::new());
        assert_eq!(drain(&mut t, 8), vec![2, 3]);
    }

    #[test]
    fn timer_order_across_duration_lists() {
        let mut t: Timers = Timers::default();
        t.start(1, 0, 10, true, ()); // deadline 10, list 10
        t.start(2, 5, 5, true, ()); // deadline 10, list 5, started later
        t.start(3, 6, 3, true, ()); // deadline 9
        t.start(4, 7, 3, true, ()); // deadline 10, list 3
        assert_eq!(t.next_deadline(), Some(9));
        assert_eq!(drain(&mut t, 10), vec![3, 1, 2, 4]);
    }

    #[test]
    fn timer_stale_heads_are_skipped() {
        let mut t: Timers = Timers::default();
        t.start(1, 0, 5, true, ());
        t.start(2, 0, 5, true, ());
        t.start(3, 0, 7, true, ());
        t.stop(1);
        t.stop(2);
        assert_eq!(t.next_deadline(), Some(7));
        t.start(1, 1, 5, true, ()); // same list again, now behind the stale entries
        assert_eq!(drain(&mut t, 10), vec![1, 3]);
        assert!(t.is_empty());
    }

    #[test]
    fn timer_ref_counts() {
        let mut t: Timers = Timers::default();
        t.start(1, 0, 5, true, ());
        t.start(2, 0, 5, false, ());
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
    live: IdMap<bool>,
    refed: RefCount,
}

impl Immediates {
    pub fn push(&mut self, id: TimerId, refed: bool) {
        self.queue.push_back(id);
        self.live.insert(id, refed);
        self.refed.add(refed);
    }

    pub fn clear(&mut self, id: TimerId) {
        if let Some(refed) = self.live.remove(&id) {
            self.refed.remove(refed);
        }
    }

    pub fn set_ref(&mut self, id: TimerId, refed: bool) {
        if let Some(flag) = self.live.get_mut(&id) {
            self.refed.switch(flag, refed);
        }
    }

    /// Whether a live immediate keeps the loop alive (and so the poll must not block).
    pub fn has_refed(&self) -> bool {
        self.refed.any()
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
                self.refed.remove(refed);
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

/// `start(id, delayMs, refed, timeout)` → the start time: (re)arm timer `id`; `timeout` (the
/// JS Timeout) is what `onTimer` receives when it fires. Like Node (whose `getLibuvNow` updates
/// libuv's clock first), the deadline counts from the current time, not the iteration's start:
/// a long synchronous main script must not make its own timers already due.
fn js_start(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let id = id_arg(scope, &args, 0);
    let delay = args.get(1).number_value(scope).unwrap_or(1.0);
    // A fractional delay fires on the next whole millisecond, as Node's timer lists do.
    let delay = if delay.is_finite() && delay >= 1.0 {
        delay.ceil() as u64
    } else {
        1
    };
    let refed = args.get(2).boolean_value(scope);
    let timeout = v8::Global::new(scope, args.get(3));
    let st = state(scope);
    let mut st = st.borrow_mut();
    st.event_loop.update_time();
    let now = st.event_loop.now;
    st.event_loop.timers.start(id, now, delay, refed, timeout);
    rv.set_double(now as f64);
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
