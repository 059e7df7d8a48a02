//! V8 platform start-up (once per process) and isolate creation.
//!
//! V8 wants exactly one platform per process, initialised before the first isolate and never
//! torn down while isolates may still exist, so it lives in a `OnceLock` and is shared by every
//! `Runtime` the process creates (an embedder may create several, one after another or on
//! several threads).

use std::sync::OnceLock;

static PLATFORM: OnceLock<v8::SharedRef<v8::Platform>> = OnceLock::new();

/// Initialise V8 once. `flags` are V8 command-line flags (e.g. `--stack-size=2000`); only the
/// first call's flags take effect, because V8 reads them before the first isolate exists.
pub(crate) fn init_platform(flags: &[String]) {
    PLATFORM.get_or_init(|| {
        measure_cycle_clock_aside();
        // As Node: flags stay writable after start-up, for v8.setFlagsFromString().
        let mut argv = vec![
            String::from("eddy"),
            String::from("--no-freeze-flags-after-init"),
        ];
        argv.extend(flags.iter().cloned());
        v8::V8::set_flags_from_command_line(argv);
        let platform = v8::new_default_platform(0, false).make_shared();
        v8::V8::initialize_platform(platform.clone());
        v8::V8::initialize();
        platform
    });
}

/// The first time any thread of the process waits for a contended lock inside V8 (a scavenge's
/// helper threads meet the main thread within the first few milliseconds of every start), the
/// lock library V8 is built with (abseil) measures the CPU's cycle-counter frequency, once, by
/// sleeping: 1 ms, then 2 ms, doubling until two figures agree within 1%, so at least 3 ms and
/// on a busy machine far more. That thread waits for it, and so does every other thread that
/// blocks before it ends. Measuring on a thread of its own from the start takes those sleeps
/// out of the way: by the first contended lock the figure is known (or nearly).
fn measure_cycle_clock_aside() {
    unsafe extern "C" {
        // absl::base_internal::NominalCPUFrequency(), in the V8 static library (no inline
        // namespace there). Thread-safe: abseil computes it under a once-flag.
        #[link_name = "_ZN4absl13base_internal19NominalCPUFrequencyEv"]
        fn absl_nominal_cpu_frequency() -> f64;
    }
    let _ = std::thread::Builder::new()
        .name("eddy-clock".into())
        // SAFETY: a plain function with no arguments, safe to call from any thread at any time.
        .spawn(|| unsafe { absl_nominal_cpu_frequency() });
}

/// Run the tasks V8 posted for this isolate's thread (FinalizationRegistry cleanups, among
/// others); true when at least one ran.
pub(crate) fn run_platform_tasks(isolate: &v8::Isolate) -> bool {
    let Some(platform) = PLATFORM.get() else {
        return false;
    };
    let mut ran = false;
    // Bounded: a task may post another; the rest wait for the next loop iteration.
    for _ in 0..64 {
        if !v8::Platform::pump_message_loop(platform, isolate, false) {
            break;
        }
        ran = true;
    }
    ran
}

/// The young generation Node's settles at under a busy server: two 8 MiB semi-spaces and the
/// new large-object space beside them. Node 20's V8 grows its semi-spaces slowly and stays
/// there (measured under wrk: 16.8 MB of new space); this V8 grows them straight to whatever
/// maximum it has (16 MiB each at Node's limit, 32 MiB left to itself), which a server then
/// holds as RSS. Scavenges cost what survives them, so the smaller space costs no measurable
/// CPU there. A worker's `resourceLimits` and a `--max-semi-space-size` flag still win.
const DEFAULT_YOUNG_GENERATION: usize = 3 * 8 * 1024 * 1024;

/// A fresh isolate whose microtask queue we drain ourselves: Node runs microtasks only after
/// the `process.nextTick` queue, so V8's automatic checkpoints would run them too early.
pub(crate) fn new_isolate(params: v8::CreateParams) -> v8::OwnedIsolate {
    configure(v8::Isolate::new(with_defaults(params)))
}

/// Eddy's heap settings on top of `params` (see [`DEFAULT_YOUNG_GENERATION`]).
pub(crate) fn with_defaults(mut params: v8::CreateParams) -> v8::CreateParams {
    if params.max_young_generation_size_in_bytes() == 0 {
        params = params.set_max_young_generation_size_in_bytes(DEFAULT_YOUNG_GENERATION);
    }
    params
}

/// What every isolate needs once made, however it was made (fresh, or for a snapshot).
pub(crate) fn configure(mut isolate: v8::OwnedIsolate) -> v8::OwnedIsolate {
    isolate.set_microtasks_policy(v8::MicrotasksPolicy::Explicit);
    isolate
}

unsafe extern "C" {
    // `void v8::Isolate::SetStackLimit(uintptr_t)`, a public V8 API the v8 crate does not wrap.
    // A stack limit in the create parameters does not survive V8's start-up on the thread
    // (`--stack-size` wins), and the flag cannot change once V8 is initialised.
    #[link_name = "_ZN2v87Isolate13SetStackLimitEm"]
    fn v8_isolate_set_stack_limit(isolate: *mut std::ffi::c_void, limit: usize);
}

/// Let JS on this thread use the stack down to `limit` (an address in this thread's stack).
pub(crate) fn set_stack_limit(isolate: &mut v8::Isolate, limit: usize) {
    // SAFETY: the raw pointer is the live `v8::Isolate*` this thread has entered, which is what
    // the member function takes as `this` (the first argument in the SysV ABI).
    unsafe {
        let raw = isolate.as_raw_isolate_ptr();
        let ptr: *mut std::ffi::c_void = std::mem::transmute(raw);
        v8_isolate_set_stack_limit(ptr, limit);
    }
}

/// The runtime's isolate. One made to build a startup snapshot may end only by writing its
/// blob (V8's snapshot creator owns it); when a build fails instead, it is left for the
/// process's end (`leak`), which follows at once.
pub(crate) struct RuntimeIsolate {
    inner: std::mem::ManuallyDrop<v8::OwnedIsolate>,
    pub leak: bool,
}

impl RuntimeIsolate {
    pub(crate) fn new(isolate: v8::OwnedIsolate, leak: bool) -> Self {
        RuntimeIsolate {
            inner: std::mem::ManuallyDrop::new(isolate),
            leak,
        }
    }

    /// The isolate itself, for `create_blob` (which consumes it).
    pub(crate) fn take(self) -> v8::OwnedIsolate {
        let mut this = std::mem::ManuallyDrop::new(self);
        // SAFETY: `this` is never dropped, so the isolate is taken exactly once.
        unsafe { std::mem::ManuallyDrop::take(&mut this.inner) }
    }
}

impl std::ops::Deref for RuntimeIsolate {
    type Target = v8::OwnedIsolate;
    fn deref(&self) -> &v8::OwnedIsolate {
        &self.inner
    }
}

impl std::ops::DerefMut for RuntimeIsolate {
    fn deref_mut(&mut self) -> &mut v8::OwnedIsolate {
        &mut self.inner
    }
}

impl Drop for RuntimeIsolate {
    fn drop(&mut self) {
        if !self.leak {
            // SAFETY: dropped once, here; `take` never lets a taken isolate reach this.
            unsafe { std::mem::ManuallyDrop::drop(&mut self.inner) }
        }
    }
}
