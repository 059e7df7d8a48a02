//! The brotli encoder behind node:zlib's BrotliCompress: Google's C brotli 1.2 (the library
//! Node itself links), bundled and compiled by `compu-brotli-sys`. It takes ~10% less CPU than
//! the pure-Rust port at quality 11 (whose binary-tree match finder is the same algorithm with
//! bounds checks) and ~13% less at quality 4, and gives Node's exact bytes for the same
//! parameters.
//!
//! Decoding stays on the pure-Rust `brotli-decompressor` (see zlib.rs).

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::c_void;
use std::ptr::NonNull;

use compu_brotli_sys as c;

/// An encoder instance. Every call goes through `&mut self`, so one thread at a time.
pub struct Encoder {
    state: NonNull<c::BrotliEncoderState>,
    /// The encoder's huge-page tables (see [`alloc`]); brotli's allocator argument points here.
    big: Box<BigTables>,
}

/// Aligned table address → (mapping base, mapping length).
type BigTables = RefCell<HashMap<usize, (usize, usize)>>;

const HUGE_PAGE: usize = 2 << 20;
/// Tables from this size on get huge pages: at quality 10–11 the binary-tree match finder's
/// forest (8 bytes per window position, 32 MiB at the default window) and the ring buffer.
const BIG_TABLE: usize = 4 << 20;

/// brotli's allocator. The big tables go on transparent huge pages (madvise): the match finder
/// walks its forest at random, and with 4 KiB pages a TLB miss comes with most steps; this took
/// ~5% off quality 11's CPU, at the price of whole 2 MiB pages being resident. Smaller blocks
/// are malloc's.
unsafe extern "C" fn alloc(opaque: *mut c_void, size: usize) -> *mut c_void {
    if size < BIG_TABLE {
        // SAFETY: plain malloc; brotli frees it through `free` below.
        return unsafe { libc::malloc(size) };
    }
    let rounded = size.div_ceil(HUGE_PAGE) * HUGE_PAGE;
    let len = rounded + HUGE_PAGE;
    // SAFETY: a fresh private anonymous mapping; nothing else refers to it.
    let base = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if base == libc::MAP_FAILED {
        return std::ptr::null_mut();
    }
    let aligned = (base as usize).next_multiple_of(HUGE_PAGE);
    // SAFETY: [aligned, aligned + rounded) lies inside the mapping. A kernel without THP
    // refuses the advice, which changes nothing but speed.
    unsafe {
        libc::madvise(aligned as *mut c_void, rounded, libc::MADV_HUGEPAGE);
    }
    // SAFETY: `opaque` is the encoder's BigTables, alive as long as the encoder state.
    let big = unsafe { &*(opaque as *const BigTables) };
    big.borrow_mut().insert(aligned, (base as usize, len));
    aligned as *mut c_void
}

/// brotli's deallocator: unmaps a big table, hands anything else back to malloc.
unsafe extern "C" fn free(opaque: *mut c_void, address: *mut c_void) {
    if address.is_null() {
        return;
    }
    // SAFETY: `opaque` is the encoder's BigTables, alive as long as the encoder state.
    let big = unsafe { &*(opaque as *const BigTables) };
    let mapping = big.borrow_mut().remove(&(address as usize));
    match mapping {
        // SAFETY: the whole mapping `alloc` made for this table, unmapped once.
        Some((base, len)) => unsafe {
            libc::munmap(base as *mut c_void, len);
        },
        // SAFETY: a block `alloc` took from malloc.
        None => unsafe { libc::free(address) },
    }
}

// SAFETY: brotli's encoder state has no thread affinity; it is only used through &mut self.
unsafe impl Send for Encoder {}

impl Encoder {
    /// A fresh encoder with brotli's defaults (quality 11, window 22); None when out of memory.
    pub fn new() -> Option<Encoder> {
        let big: Box<BigTables> = Box::default();
        let opaque = &*big as *const BigTables as *mut c_void;
        // SAFETY: the allocator pair and its opaque BigTables outlive the state (Drop destroys
        // the state before the Box goes).
        let state = unsafe { c::BrotliEncoderCreateInstance(Some(alloc), Some(free), opaque) };
        NonNull::new(state).map(|state| Encoder { state, big })
    }

    /// One BROTLI_PARAM_* (Node's numbering is brotli's); false when brotli refuses it.
    pub fn set_parameter(&mut self, key: u32, value: u32) -> bool {
        // SAFETY: a live state; brotli checks the key and the value itself.
        unsafe { c::BrotliEncoderSetParameter(self.state.as_ptr(), key as _, value) != 0 }
    }

    /// Feeds `input` with a BROTLI_OPERATION_* (0 process, 1 flush, 2 finish, 3 metadata)
    /// into `output` → (output space left, input left), or None when brotli fails.
    pub fn compress(&mut self, op: u32, input: &[u8], output: &mut [u8]) -> Option<(usize, usize)> {
        let mut avail_in = input.len();
        let mut next_in = input.as_ptr();
        let mut avail_out = output.len();
        let mut next_out = output.as_mut_ptr();
        // SAFETY: a live state; the pointers and counts describe the two live slices, and brotli
        // only advances them within those bounds.
        let ok = unsafe {
            c::BrotliEncoderCompressStream(
                self.state.as_ptr(),
                op as _,
                &mut avail_in,
                &mut next_in,
                &mut avail_out,
                &mut next_out,
                std::ptr::null_mut(),
            )
        };
        (ok != 0).then_some((avail_out, avail_in))
    }
}

impl Drop for Encoder {
    fn drop(&mut self) {
        // SAFETY: a live state, destroyed once; its tables go back through `free` while
        // `self.big` still exists.
        unsafe { c::BrotliEncoderDestroyInstance(self.state.as_ptr()) }
        debug_assert!(self.big.borrow().is_empty());
    }
}
