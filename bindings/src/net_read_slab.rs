//! Where socket reads land: one 64 KiB ArrayBuffer (the slab) per isolate, read into directly
//! and handed to JS a range at a time as a Uint8Array view. A read then costs no allocation
//! of its own (no Vec, no backing store, no ArrayBuffer to sweep): many small reads (an HTTP
//! keep-alive connection's requests) share one buffer, and a new slab is made when the free
//! room runs short. A slab lives while any view of it does, as Node's Buffer pool does.
//!
//! Ranges handed out are never written again. The slab cannot be detached from JS (it has a
//! detach key JS never sees), and its backing store is held here too, so the free room stays
//! valid memory for as long as it is used.

use eddy_runtime::v8;

/// Size of a slab.
const SLAB: usize = 64 * 1024;
/// A read gets at least this much room; with less left, the next read starts a new slab.
const MIN_ROOM: usize = 16 * 1024;

struct Slab {
    buffer: v8::Global<v8::ArrayBuffer>,
    store: v8::SharedRef<v8::BackingStore>,
    /// Bytes at the front already handed to JS.
    used: usize,
}

/// The isolate's slab (an isolate slot).
#[derive(Default)]
struct SlabSlot(Option<Slab>);

fn slot(isolate: &mut v8::Isolate) -> &mut SlabSlot {
    if isolate.get_slot::<SlabSlot>().is_none() {
        isolate.set_slot(SlabSlot::default());
        eddy_runtime::release_slot_before_snapshot::<SlabSlot>();
    }
    isolate
        .get_slot_mut::<SlabSlot>()
        .expect("the slot was just set")
}

/// The free room of the current slab (a fresh one when little is left), to read into. The
/// bytes stay the caller's until `take` hands them to JS; nothing else writes them meanwhile
/// (reads on this thread go one at a time, and JS cannot reach unhanded-out bytes).
pub(crate) fn room<'a>(scope: &mut v8::PinScope) -> Option<&'a mut [u8]> {
    let fresh = slot(scope)
        .0
        .as_ref()
        .is_none_or(|s| SLAB - s.used < MIN_ROOM);
    if fresh {
        let buffer = v8::ArrayBuffer::new(scope, SLAB);
        // A key JS never holds: transfer() and postMessage cannot detach the slab.
        let key = v8::Object::new(scope);
        buffer.set_detach_key(key.into());
        let store = buffer.get_backing_store();
        let buffer = v8::Global::new(scope, buffer);
        slot(scope).0 = Some(Slab {
            buffer,
            store,
            used: 0,
        });
    }
    let slab = slot(scope).0.as_ref()?;
    let base = slab.store.data()?.as_ptr() as *mut u8;
    // SAFETY: [used, SLAB) lies inside the backing store, which `store` keeps alive; no view
    // covers it yet, so neither JS nor another read touches it until `take`.
    Some(unsafe { std::slice::from_raw_parts_mut(base.add(slab.used), SLAB - slab.used) })
}

/// Hand the first `n` bytes of the room to JS as a Uint8Array over the slab.
pub(crate) fn take<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    n: usize,
) -> Option<v8::Local<'s, v8::Uint8Array>> {
    // Out of the slot for a moment, so the scope is free to make the handle.
    let mut slab = slot(scope).0.take()?;
    let offset = slab.used;
    let n = n.min(SLAB - offset);
    slab.used += n;
    let buffer = v8::Local::new(scope, &slab.buffer);
    slot(scope).0 = Some(slab);
    v8::Uint8Array::new(scope, buffer, offset, n)
}
