//! User-land startup snapshots (`--build-snapshot`, `--snapshot-blob`): a real V8 snapshot of
//! the main context after the entry script ran, and a runtime started from one.
//!
//! V8 serializes a native function as an index into the embedder's *external references*: a
//! table of callback addresses that must be identical (same order, same functions) when the
//! snapshot is made and when it is loaded. Every native Eddy installs goes through one of a few
//! helpers ([`crate::set_fn`] and the handful of builders in this crate), and each reports its
//! callback to [`note`]. While a snapshot is being built the notes fill [`TABLE`], which V8
//! reads only when it serializes, so natives made while the entry script runs count too.
//!
//! The blob records the table as offsets from [`anchor`], a function of this binary: the same
//! executable maps its functions at one shift from each other under ASLR, so the loader rebuilds
//! the exact table before V8 reads the heap. The header pins the executable (size, mtime,
//! inode) and V8's flag-dependent cache tag, so a blob from another build or other V8 flags is
//! refused with Node's message instead of being misread.
//!
//! After loading, Rust-side state is rebuilt by [`restore`]: the hooks and `binding` come back
//! as context data, the shared `tickInfo` memory is found again, and `binding.config` is made
//! fresh for this process; JS refreshes the rest (`hooks.deserialize`).

use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::Error;
use crate::state::state;

/// How a runtime relates to snapshots.
#[derive(Clone, Default)]
pub enum SnapshotMode {
    /// An ordinary start.
    #[default]
    None,
    /// `--build-snapshot`: natives are recorded and the isolate can be serialized.
    Build,
    /// `--snapshot-blob` without `--build-snapshot`: start from this file's bytes (checked
    /// once V8's flags are set, since they decide whether it fits).
    Load(std::sync::Arc<Vec<u8>>),
}

impl std::fmt::Debug for SnapshotMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SnapshotMode::None => f.write_str("None"),
            SnapshotMode::Build => f.write_str("Build"),
            SnapshotMode::Load(bytes) => write!(f, "Load({} bytes)", bytes.len()),
        }
    }
}

/// Most natives a snapshot can refer to. Eddy installs about a thousand.
const CAP: usize = 16 * 1024;

/// The external-reference table of the isolate being built: null-terminated (the last slot is
/// never written), filled by [`note`] while [`RECORDING`] is on.
static TABLE: [AtomicUsize; CAP + 1] = [const { AtomicUsize::new(0) }; CAP + 1];
static LEN: AtomicUsize = AtomicUsize::new(0);
static RECORDING: AtomicBool = AtomicBool::new(false);
/// Set when a native could not be recorded (the table was full): building then fails cleanly
/// rather than V8 aborting on an unknown reference.
static OVERFLOW: AtomicBool = AtomicBool::new(false);
static SEEN: Mutex<Option<HashSet<usize>>> = Mutex::new(None);

thread_local! {
    /// Removers of the isolate slots that hold handles into the heap (see
    /// [`release_slot_before_snapshot`]).
    static RELEASE: std::cell::RefCell<Vec<fn(&mut v8::Isolate)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Whoever keeps handles into the heap (a `v8::Global`) in an isolate slot of type `T` calls
/// this once when setting it: before a startup snapshot is serialized the slot is emptied.
/// V8 refuses to serialize while global handles it cannot account for are alive, and the
/// isolate's own slots are dropped only after V8 has stopped releasing handles.
pub fn release_slot_before_snapshot<T: 'static>() {
    fn remove<T: 'static>(isolate: &mut v8::Isolate) {
        isolate.remove_slot::<T>();
    }
    let remover = remove::<T> as fn(&mut v8::Isolate);
    RELEASE.with(|list| {
        let mut list = list.borrow_mut();
        if !list.iter().any(|f| std::ptr::fn_addr_eq(*f, remover)) {
            list.push(remover);
        }
    });
}

fn release_slots(isolate: &mut v8::Isolate) {
    let removers = RELEASE.with(|list| list.borrow().clone());
    for remove in removers {
        remove(isolate);
    }
}

/// The fixed point offsets are measured from.
#[inline(never)]
fn anchor() {}

fn anchor_address() -> usize {
    anchor as fn() as usize
}

/// Record a native callback's address (a `FunctionCallback`, an accessor or interceptor).
/// Free unless a snapshot is being built.
#[inline]
pub(crate) fn note(address: usize) {
    if RECORDING.load(Ordering::Relaxed) {
        record(address);
    }
}

/// `f` as V8 will call it (the trampoline the v8 crate makes for it), noted: for natives made
/// without [`crate::set_fn`] (`Function::builder_raw`, interceptors, accessors).
pub(crate) fn noted<T: Copy, F: v8::MapFnTo<T>>(f: F) -> T {
    const { assert!(std::mem::size_of::<T>() == std::mem::size_of::<usize>()) };
    let mapped = f.map_fn_to();
    // SAFETY: `T` is one of V8's callback types, a function pointer (its size is checked above),
    // whose bits are the function's address.
    note(unsafe { std::mem::transmute_copy::<T, usize>(&mapped) });
    mapped
}

#[cold]
fn record(address: usize) {
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    let seen = seen.get_or_insert_with(HashSet::new);
    if !seen.insert(address) {
        return;
    }
    let len = LEN.load(Ordering::Relaxed);
    if len >= CAP {
        OVERFLOW.store(true, Ordering::Relaxed);
        return;
    }
    TABLE[len].store(address, Ordering::Relaxed);
    LEN.store(len + 1, Ordering::Release);
}

/// The isolate a snapshot is built in: V8 gets the recording table.
pub(crate) fn creator_isolate(params: v8::CreateParams) -> v8::OwnedIsolate {
    RECORDING.store(true, Ordering::Relaxed);
    // SAFETY: `TABLE` is a static array of pointer-sized atomics, laid out as the
    // `ExternalReference` union (one pointer). V8 keeps the raw pointer and reads the entries
    // (up to the null one) only when it serializes; Rust reads this slice only here, to see that
    // it ends with null. Entries are written through the atomics before `create_blob`.
    let table: &'static [v8::ExternalReference] = unsafe {
        std::slice::from_raw_parts(TABLE.as_ptr() as *const v8::ExternalReference, CAP + 1)
    };
    v8::Isolate::snapshot_creator(Some(std::borrow::Cow::Borrowed(table)), Some(params))
}

/// An isolate deserialized from `blob`.
pub(crate) fn load_isolate(params: v8::CreateParams, blob: Blob) -> v8::OwnedIsolate {
    let base = anchor_address() as isize;
    let refs: Vec<v8::ExternalReference> = blob
        .offsets
        .iter()
        .map(|&offset| v8::ExternalReference {
            pointer: base.wrapping_add(offset as isize) as *mut std::ffi::c_void,
        })
        .collect();
    let params = params
        .external_references(refs.into())
        .snapshot_blob(blob.v8);
    v8::Isolate::new(params)
}

// ===== the file =====

const MAGIC: &[u8; 8] = b"EDDYSNAP";
const FORMAT: u32 = 1;

/// A snapshot file, read and checked.
pub(crate) struct Blob {
    offsets: Vec<i64>,
    v8: v8::StartupData,
}

/// Why a snapshot file cannot be used.
#[derive(Debug)]
enum BlobError {
    /// Not a snapshot (or cut short).
    Invalid,
    /// Made with other V8 flags: Node's "expected tag, read tag".
    Flags { expected: u32, read: u32 },
    /// Made by another executable.
    Build,
}

impl std::fmt::Display for BlobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BlobError::Invalid => write!(
                f,
                "Failed to load the startup snapshot because it is not a valid snapshot blob."
            ),
            BlobError::Flags { expected, read } => write!(
                f,
                "Failed to load the startup snapshot because it was built with a different \
                 version of V8 or with different V8 configurations.\n\
                 Expected tag {expected:x}, read {read:x}"
            ),
            BlobError::Build => write!(
                f,
                "Failed to load the startup snapshot because it was built by a different \
                 build of eddy."
            ),
        }
    }
}

/// What identifies this executable: a blob's offsets are valid only for the very same file.
fn executable_id() -> u64 {
    use std::hash::{Hash, Hasher};
    use std::os::unix::fs::MetadataExt;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    if let Ok(meta) = std::fs::metadata("/proc/self/exe") {
        (
            meta.dev(),
            meta.ino(),
            meta.size(),
            meta.mtime(),
            meta.mtime_nsec(),
        )
            .hash(&mut h);
    }
    h.finish()
}

/// V8's tag for code made under the current flags (Node compares the same one).
fn flags_tag() -> u32 {
    v8::script_compiler::cached_data_version_tag()
}

impl Blob {
    /// Check a snapshot file's header against this executable and V8's flags.
    /// V8 must be initialised (its flags decide the tag).
    pub(crate) fn parse(bytes: &[u8]) -> Result<Blob, Error> {
        Self::read(bytes).map_err(|e| Error::Snapshot(e.to_string()))
    }

    fn read(bytes: &[u8]) -> Result<Blob, BlobError> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], BlobError> {
            let piece = bytes.get(at..at + n).ok_or(BlobError::Invalid)?;
            at += n;
            Ok(piece)
        };
        if take(8)? != MAGIC {
            return Err(BlobError::Invalid);
        }
        let u32_at = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        if u32_at(take(4)?) != FORMAT {
            return Err(BlobError::Invalid);
        }
        let tag = u32_at(take(4)?);
        let exe = u64::from_le_bytes(take(8)?.try_into().map_err(|_| BlobError::Invalid)?);
        let expected = flags_tag();
        if tag != expected {
            return Err(BlobError::Flags {
                expected,
                read: tag,
            });
        }
        if exe != executable_id() {
            return Err(BlobError::Build);
        }
        let count = u32_at(take(4)?) as usize;
        if count > CAP {
            return Err(BlobError::Invalid);
        }
        let mut offsets = Vec::with_capacity(count);
        for _ in 0..count {
            let b = take(8)?;
            offsets.push(i64::from_le_bytes(
                b.try_into().map_err(|_| BlobError::Invalid)?,
            ));
        }
        let rest = bytes.get(at..).ok_or(BlobError::Invalid)?.to_vec();
        let v8 = v8::StartupData::from(rest);
        if !v8.is_valid() {
            return Err(BlobError::Invalid);
        }
        Ok(Blob { offsets, v8 })
    }
}

/// The file: header, the recorded table as offsets, V8's blob.
fn encode(v8_blob: &[u8]) -> Vec<u8> {
    let len = LEN.load(Ordering::Acquire);
    let base = anchor_address() as i64;
    let mut out = Vec::with_capacity(32 + len * 8 + v8_blob.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&flags_tag().to_le_bytes());
    out.extend_from_slice(&executable_id().to_le_bytes());
    out.extend_from_slice(&(len as u32).to_le_bytes());
    for slot in TABLE.iter().take(len) {
        let address = slot.load(Ordering::Relaxed) as i64;
        out.extend_from_slice(&address.wrapping_sub(base).to_le_bytes());
    }
    out.extend_from_slice(v8_blob);
    out
}

// ===== building =====

/// Serialize `context` (the main one) with `[hooks, binding]` as its data, and make the file.
/// Everything Rust holds in the isolate must be gone by now: V8 refuses global handles it
/// cannot serialize.
pub(crate) fn create(
    mut isolate: v8::OwnedIsolate,
    context: v8::Global<v8::Context>,
    data: v8::Global<v8::Array>,
) -> Result<Vec<u8>, Error> {
    if OVERFLOW.load(Ordering::Relaxed) {
        return Err(Error::Bootstrap(
            "the snapshot refers to more natives than it can record".into(),
        ));
    }
    {
        v8::scope!(let scope, &mut isolate);
        let context = v8::Local::new(scope, context);
        let data = v8::Local::new(scope, data);
        scope.add_context_data(context, data);
        scope.set_default_context(context);
    }
    let blob = isolate
        .create_blob(v8::FunctionCodeHandling::Keep)
        .ok_or_else(|| Error::Bootstrap("V8 could not serialize the heap".into()))?;
    RECORDING.store(false, Ordering::Relaxed);
    Ok(encode(&blob))
}

/// Collect what is garbage now and run the FinalizationRegistry cleanups that follows: V8
/// refuses to serialize a registry with cleanups pending. (Targets that become garbage during
/// V8's own collection in `create_blob` still make it fail, as in Node.)
fn settle_heap(isolate: &mut v8::OwnedIsolate, context: &v8::Global<v8::Context>) {
    for _ in 0..4 {
        isolate.low_memory_notification();
        v8::scope_with_context!(let scope, isolate, context);
        let ran = crate::isolate::run_platform_tasks(scope);
        scope.perform_microtask_checkpoint();
        if !ran {
            break;
        }
    }
}

// ===== loading =====

/// Rebuild the Rust side of a context that came out of a snapshot; returns the `binding`
/// object (with a fresh `config`).
pub(crate) fn restore<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    config: v8::Local<'s, v8::Object>,
    rebind: &[crate::NativeModule],
) -> Result<(), Error> {
    let lost = || Error::Bootstrap("the snapshot holds no runtime state".into());
    let data = scope
        .get_context_data_from_snapshot_once::<v8::Array>(0)
        .map_err(|_| lost())?;
    let hooks = data
        .get_index(scope, 0)
        .and_then(|v| v8::Local::<v8::Object>::try_from(v).ok())
        .ok_or_else(lost)?;
    let binding = data
        .get_index(scope, 1)
        .and_then(|v| v8::Local::<v8::Object>::try_from(v).ok())
        .ok_or_else(lost)?;
    state(scope).borrow_mut().hooks = Some(v8::Global::new(scope, hooks));
    crate::native::set_value(scope, binding, "config", config.into());
    // The tick flags live in memory both sides read; V8 made it anew.
    let runtime = get_object(scope, binding, "runtime").ok_or_else(lost)?;
    let tick = crate::native::js_string(scope, "tickInfo");
    if let Some(view) = runtime
        .get(scope, tick.into())
        .and_then(|v| v8::Local::<v8::Int32Array>::try_from(v).ok())
        && let Some(buffer) = view.buffer(scope)
    {
        state(scope).borrow_mut().tick_info = Some(buffer.get_backing_store());
    }
    for module in rebind {
        if let Some(target) = get_object(scope, binding, module.name) {
            (module.init)(scope, target);
        }
    }
    Ok(())
}

fn get_object<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    object: v8::Local<'s, v8::Object>,
    name: &str,
) -> Option<v8::Local<'s, v8::Object>> {
    let key = crate::native::js_string(scope, name);
    object
        .get(scope, key.into())
        .and_then(|v| v8::Local::<v8::Object>::try_from(v).ok())
}

/// Run `hooks.deserialize()` (process state refreshed, deserialize callbacks run); whether a
/// main function was set. An exception there is an uncaught one, as in Node.
pub(crate) fn deserialize(scope: &mut v8::PinScope) -> bool {
    let Some(f) = crate::state::hook(scope, "deserialize") else {
        return false;
    };
    let recv = v8::undefined(scope).into();
    match crate::tasks::call(scope, f, recv, &[]) {
        crate::tasks::Outcome::Returned(value) => value.is_true(),
        _ => false,
    }
}

// ===== the embedding API =====

impl crate::Runtime {
    /// Whether this runtime came from a snapshot whose entry set a main function
    /// (`v8.startupSnapshot.setDeserializeMainFunction`): it then runs instead of a script.
    pub fn has_snapshot_main(&self) -> bool {
        self.snapshot_main
    }

    /// Run the snapshot's main function, with `process.argv` = `[execPath, ...args]`.
    pub fn run_snapshot_main(&mut self, args: &[String]) -> Result<(), Error> {
        self.call_hook("runSnapshotMain", &[crate::HookArg::Strs(args)])
    }

    /// Run `entry` as a snapshot's entry script (built with [`SnapshotMode::Build`]).
    pub fn run_snapshot_entry(&mut self, entry: &str) -> Result<(), Error> {
        self.call_hook("buildSnapshot", &[crate::HookArg::Str(entry)])
    }

    /// Finish building a snapshot: run the loop dry (emitting 'beforeExit'), run the
    /// serialize callbacks, and serialize the heap. The bytes are the snapshot file. Fails with
    /// [`Error::Exited`] when JS exited or threw (it has reported that already), and with
    /// [`Error::Snapshot`] when the heap holds what cannot be serialized (open handles).
    pub fn make_snapshot(mut self) -> Result<Vec<u8>, Error> {
        if self.binding.is_none() {
            return Err(Error::Snapshot(
                "this runtime is not building a snapshot".into(),
            ));
        }
        {
            v8::scope_with_context!(let scope, &mut *self.isolate, &self.context);
            crate::event_loop::run(scope);
        }
        if let Some(code) = self.exit_code() {
            return Err(Error::Exited(code));
        }
        self.call_hook("prepareSnapshot", &[])?;
        {
            // What closing the standard streams queued (close callbacks, deferred errors)
            // runs now: queued, it would hold handles V8 cannot serialize.
            v8::scope_with_context!(let scope, &mut *self.isolate, &self.context);
            for _ in 0..16 {
                let queued = {
                    let st = state(scope);
                    let st = st.borrow();
                    !st.event_loop.io.pending.is_empty() || !st.event_loop.io.closing.is_empty()
                };
                if !queued || crate::state::exit_requested(scope) {
                    break;
                }
                crate::io::run_queue(scope, false);
                crate::io::run_queue(scope, true);
            }
        }
        if let Some(code) = self.exit_code() {
            return Err(Error::Exited(code));
        }
        {
            let st = self.state.borrow();
            let lp = &st.event_loop;
            let handles = lp.io.handle_count().saturating_sub(self.baseline_handles);
            let timers = !lp.timers.is_empty();
            let immediates = lp.immediates.has_live();
            let requests = lp.pool.pending();
            if handles > 0 || timers || immediates || requests > 0 {
                let mut left = Vec::new();
                if handles > 0 {
                    left.push(format!("{handles} open handle(s)"));
                }
                if timers {
                    left.push("unref'd timers".to_string());
                }
                if immediates {
                    left.push("unref'd immediates".to_string());
                }
                if requests > 0 {
                    left.push(format!("{requests} pending request(s)"));
                }
                return Err(Error::Snapshot(format!(
                    "Cannot build the startup snapshot: the entry script left {} (servers, \
                     sockets, watchers, signal listeners or timers that do not keep the process \
                     alive); close them, or start them in the deserialize main function",
                    left.join(", ")
                )));
            }
        }
        self.stop_workers();
        let data = {
            v8::scope_with_context!(let scope, &mut *self.isolate, &self.context);
            let Some(hooks) = self.state.borrow().hooks.clone() else {
                return Err(Error::Snapshot("the runtime has no hooks".into()));
            };
            let hooks = v8::Local::new(scope, hooks);
            let binding = self.binding.take().map(|b| v8::Local::new(scope, b));
            let Some(binding) = binding else {
                return Err(Error::Snapshot("the runtime has no binding".into()));
            };
            let array = v8::Array::new_with_elements(scope, &[hooks.into(), binding.into()]);
            v8::Global::new(scope, array)
        };
        // Take the runtime apart: only the isolate and two handles stay. Everything else that
        // holds a handle into the heap (the state, the inspector) goes first.
        let mut this = std::mem::ManuallyDrop::new(self);
        // SAFETY: each field is read out exactly once and `this` is never dropped or used again.
        let (context, state, binding, isolate) = unsafe {
            (
                std::ptr::read(&this.context),
                std::ptr::read(&this.state),
                std::ptr::read(&this.binding),
                std::ptr::read(&this.isolate),
            )
        };
        let _ = &mut this;
        let mut isolate = isolate.take();
        drop(binding);
        crate::inspector::shutdown(&mut isolate);
        release_slots(&mut isolate);
        {
            let mut st = state.borrow_mut();
            st.hooks = None;
            st.hook_cache.clear();
            st.worker_on_exit = None;
            st.vm_global_template = None;
            st.clone_keys = None;
            st.messaging = Default::default();
            st.modules = Default::default();
        }
        drop(state);
        crate::state::unpublish(&mut isolate);
        settle_heap(&mut isolate, &context);
        create(isolate, context, data)
    }
}
