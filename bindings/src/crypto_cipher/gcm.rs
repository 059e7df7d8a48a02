//! AES-GCM (NIST SP 800-38D) for createCipheriv, streamed as Node's is: each update hands back
//! its ciphertext at once, IVs of any length, tags of 4 to 16 bytes.
//!
//! The keystream is AES in CTR mode with GCM's 32-bit counter (RustCrypto's `ctr` over `aes`,
//! which runs AES-NI over eight blocks at a time). GHASH is the `ghash` crate's, except on x86-64
//! CPUs with PCLMULQDQ, where `Clmul` below takes over: the crate multiplies block by block, each
//! multiply waiting on the last, which made GHASH most of GCM's time; `Clmul` multiplies eight
//! blocks by H^8..H^1 side by side and reduces once (the same sum, so the same tag).

use cipher::consts::U16;
use cipher::generic_array::GenericArray;
use cipher::{
    BlockCipher, BlockEncrypt, BlockEncryptMut, BlockSizeUser, InnerIvInit, KeyInit,
    StreamCipherCore,
};
use ghash::universal_hash::UniversalHash;

use super::{Engine, Failure};

type Block = GenericArray<u8, U16>;

/// Whole 16-byte blocks at the front of `data`, as the block type the RustCrypto traits take.
fn blocks_mut(data: &mut [u8]) -> &mut [Block] {
    let n = data.len() / 16;
    // SAFETY: GenericArray<u8, U16> is #[repr(transparent)] over [u8; 16] (size 16, align 1),
    // and the n blocks lie inside `data`, borrowed mutably for the result's lifetime.
    unsafe { std::slice::from_raw_parts_mut(data.as_mut_ptr().cast(), n) }
}

// ===== GHASH =====

/// GHASH keyed with H, over whole blocks; `Ghash::new` picks the fastest the CPU allows.
enum Ghash {
    #[cfg(target_arch = "x86_64")]
    Clmul(Box<clmul::Clmul>),
    Crate(Box<ghash::GHash>),
}

impl Ghash {
    fn new(h: &[u8; 16]) -> Ghash {
        #[cfg(target_arch = "x86_64")]
        if clmul::Clmul::available() {
            // SAFETY: the CPU has the features the constructor is compiled for (just checked).
            return Ghash::Clmul(Box::new(unsafe { clmul::Clmul::new(h) }));
        }
        Ghash::Crate(Box::new(ghash::GHash::new(GenericArray::from_slice(h))))
    }

    /// Hashes `data`, whose length is a multiple of 16.
    fn blocks(&mut self, data: &[u8]) {
        debug_assert!(data.len().is_multiple_of(16));
        match self {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: a Clmul exists only where its CPU features were detected.
            Ghash::Clmul(g) => unsafe { g.update(data) },
            Ghash::Crate(g) => {
                let n = data.len() / 16;
                // SAFETY: as in blocks_mut, read-only.
                let blocks: &[Block] =
                    unsafe { std::slice::from_raw_parts(data.as_ptr().cast(), n) };
                g.update(blocks);
            }
        }
    }

    /// Hashes `data` zero-padded to a whole block.
    fn padded(&mut self, data: &[u8]) {
        let whole = data.len() / 16 * 16;
        self.blocks(&data[..whole]);
        if whole < data.len() {
            let mut last = [0u8; 16];
            last[..data.len() - whole].copy_from_slice(&data[whole..]);
            self.blocks(&last);
        }
    }

    fn value(&self) -> [u8; 16] {
        match self {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: as in blocks.
            Ghash::Clmul(g) => unsafe { g.value() },
            Ghash::Crate(g) => (**g).clone().finalize().into(),
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod clmul {
    //! GHASH with carry-less multiplication, computed as POLYVAL (RFC 8452, appendix A):
    //! GHASH(H, X) = rev(POLYVAL(mulX(rev H), rev X)), `rev` reversing the 16 bytes. POLYVAL's
    //! product a*b*x^-128 mod x^128+x^127+x^126+x^121+1 keeps bits in their natural order, and
    //! its reduction is two multiplies by the constant below.
    use std::arch::x86_64::*;

    /// x^63 + x^62 + x^57 in the high lane: x^-64 = x^64 + this, mod POLYVAL's polynomial.
    const POLY_HI: i64 = 0xc200_0000_0000_0000u64 as i64;

    pub(super) struct Clmul {
        /// H^1..H^8 in POLYVAL's field (powers[k] = H^(k+1)).
        powers: [__m128i; 8],
        /// The running sum, in POLYVAL's field.
        acc: __m128i,
    }

    // SAFETY: plain 128-bit values.
    unsafe impl Send for Clmul {}

    impl Clmul {
        pub(super) fn available() -> bool {
            is_x86_feature_detected!("pclmulqdq") && is_x86_feature_detected!("ssse3")
        }

        /// # Safety
        /// The CPU must have PCLMULQDQ and SSSE3.
        #[target_feature(enable = "pclmulqdq,ssse3,sse2")]
        pub(super) unsafe fn new(h: &[u8; 16]) -> Clmul {
            // mulX(rev H): rev H read as a little-endian number is H read big-endian.
            let v = u128::from_be_bytes(*h);
            let v = (v << 1)
                ^ if v >> 127 == 1 {
                    (0xc2u128 << 120) | 1
                } else {
                    0
                };
            let h1 = _mm_set_epi64x((v >> 64) as i64, v as i64);
            let mut powers = [h1; 8];
            for k in 1..8 {
                let (lo, mid, hi) = mul_wide(powers[k - 1], h1);
                powers[k] = reduce(lo, mid, hi);
            }
            Clmul {
                powers,
                acc: _mm_setzero_si128(),
            }
        }

        /// Folds whole blocks (data.len() % 16 == 0) into the sum.
        ///
        /// # Safety
        /// As for `new`.
        #[target_feature(enable = "pclmulqdq,ssse3,sse2")]
        pub(super) unsafe fn update(&mut self, data: &[u8]) {
            let mut eight = data.chunks_exact(128);
            for group in &mut eight {
                // acc' = (acc + X1)H^8 + X2 H^7 + ... + X8 H: one reduction for eight blocks.
                let mut lo = _mm_setzero_si128();
                let mut mid = _mm_setzero_si128();
                let mut hi = _mm_setzero_si128();
                for (i, block) in group.chunks_exact(16).enumerate() {
                    let mut x = load(block);
                    if i == 0 {
                        x = _mm_xor_si128(x, self.acc);
                    }
                    let (l, m, h) = mul_wide(x, self.powers[7 - i]);
                    lo = _mm_xor_si128(lo, l);
                    mid = _mm_xor_si128(mid, m);
                    hi = _mm_xor_si128(hi, h);
                }
                self.acc = reduce(lo, mid, hi);
            }
            for block in eight.remainder().chunks_exact(16) {
                let x = _mm_xor_si128(load(block), self.acc);
                let (lo, mid, hi) = mul_wide(x, self.powers[0]);
                self.acc = reduce(lo, mid, hi);
            }
        }

        /// The GHASH of everything folded in so far.
        ///
        /// # Safety
        /// As for `new`.
        #[target_feature(enable = "pclmulqdq,ssse3,sse2")]
        pub(super) unsafe fn value(&self) -> [u8; 16] {
            let mut out = [0u8; 16];
            // SAFETY: `out` has room for the 16 bytes; storeu takes any alignment.
            unsafe { _mm_storeu_si128(out.as_mut_ptr().cast(), rev(self.acc)) };
            out
        }
    }

    /// A GHASH block as a POLYVAL element (its bytes reversed).
    #[inline]
    #[target_feature(enable = "pclmulqdq,ssse3,sse2")]
    fn load(block: &[u8]) -> __m128i {
        debug_assert!(block.len() == 16);
        // SAFETY: block holds 16 bytes; loadu takes any alignment.
        rev(unsafe { _mm_loadu_si128(block.as_ptr().cast()) })
    }

    #[inline]
    #[target_feature(enable = "pclmulqdq,ssse3,sse2")]
    fn rev(v: __m128i) -> __m128i {
        _mm_shuffle_epi8(
            v,
            _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
        )
    }

    /// a*b as 256 bits: lo + mid*x^64 + hi*x^128 (mid not yet split across the two halves).
    #[inline]
    #[target_feature(enable = "pclmulqdq,ssse3,sse2")]
    fn mul_wide(a: __m128i, b: __m128i) -> (__m128i, __m128i, __m128i) {
        let lo = _mm_clmulepi64_si128(a, b, 0x00);
        let hi = _mm_clmulepi64_si128(a, b, 0x11);
        let mid = _mm_xor_si128(
            _mm_clmulepi64_si128(a, b, 0x01),
            _mm_clmulepi64_si128(a, b, 0x10),
        );
        (lo, mid, hi)
    }

    /// (lo + mid*x^64 + hi*x^128) * x^-128 mod POLYVAL's polynomial.
    #[inline]
    #[target_feature(enable = "pclmulqdq,ssse3,sse2")]
    fn reduce(lo: __m128i, mid: __m128i, hi: __m128i) -> __m128i {
        let poly = _mm_set_epi64x(POLY_HI, 0);
        let mut low = _mm_xor_si128(lo, _mm_slli_si128(mid, 8));
        let high = _mm_xor_si128(hi, _mm_srli_si128(mid, 8));
        // Twice: low*x^-64 = (low's high half) + (low's low half)*(x^64 + x^63 + x^62 + x^57).
        for _ in 0..2 {
            let t = _mm_clmulepi64_si128(low, poly, 0x10);
            low = _mm_xor_si128(_mm_shuffle_epi32(low, 0x4e), t);
        }
        _mm_xor_si128(low, high)
    }
}

// ===== the cipher =====

/// Bytes fed to GHASH between updates that do not end on a block boundary.
#[derive(Default)]
struct Pending {
    block: [u8; 16],
    len: usize,
}

/// GHASHes `data`: whole blocks straight from it, the rest held in `pending`.
fn ghash_text(ghash: &mut Ghash, pending: &mut Pending, mut data: &[u8]) {
    if pending.len > 0 {
        let n = (16 - pending.len).min(data.len());
        pending.block[pending.len..pending.len + n].copy_from_slice(&data[..n]);
        pending.len += n;
        data = &data[n..];
        if pending.len < 16 {
            return;
        }
        ghash.blocks(&pending.block);
        pending.len = 0;
    }
    let whole = data.len() / 16 * 16;
    ghash.blocks(&data[..whole]);
    let rest = &data[whole..];
    pending.block[..rest.len()].copy_from_slice(rest);
    pending.len = rest.len();
}

/// Blocks the keystream and GHASH both see while they are in cache.
const PIECE: usize = 16 << 10;

struct Gcm<A: BlockEncryptMut + BlockCipher + BlockSizeUser<BlockSize = U16>> {
    /// AES-CTR from J0 + 1.
    ctr: ctr::CtrCore<A, ctr::flavors::Ctr32BE>,
    ghash: Ghash,
    /// E_K(J0), which masks the tag.
    tag_mask: [u8; 16],
    /// Keystream left from the last partial block: `keystream[used..]`.
    keystream: [u8; 16],
    used: usize,
    /// Ciphertext not yet hashed (GHASH takes whole blocks).
    pending: Pending,
    aad_len: u64,
    text_len: u64,
    /// Set by the first update: AAD may only come before.
    started: bool,
    decrypt: bool,
    tag_len: usize,
    /// The tag made by an encrypting final().
    tag: Option<Vec<u8>>,
    /// The tag a decryption is checked against.
    expected: Option<Vec<u8>>,
}

/// An AES-GCM engine for a key of A's size, or None for a key of another length.
pub(super) fn new<A>(
    key: &[u8],
    iv: &[u8],
    decrypt: bool,
    tag_len: usize,
) -> Option<Box<dyn Engine>>
where
    A: BlockEncrypt + BlockCipher + BlockSizeUser<BlockSize = U16> + KeyInit + Send + 'static,
{
    let aes = A::new_from_slice(key).ok()?;
    let mut h = Block::default();
    aes.encrypt_block(&mut h);
    let h: [u8; 16] = h.into();
    let j0: [u8; 16] = if iv.len() == 12 {
        let mut j = [0u8; 16];
        j[..12].copy_from_slice(iv);
        j[15] = 1;
        j
    } else {
        let mut g = Ghash::new(&h);
        g.padded(iv);
        let mut lens = [0u8; 16];
        lens[8..].copy_from_slice(&((iv.len() as u64) * 8).to_be_bytes());
        g.blocks(&lens);
        g.value()
    };
    let mut tag_mask = Block::from(j0);
    aes.encrypt_block(&mut tag_mask);
    let mut counter = j0;
    let n = u32::from_be_bytes([j0[12], j0[13], j0[14], j0[15]]).wrapping_add(1);
    counter[12..].copy_from_slice(&n.to_be_bytes());
    Some(Box::new(Gcm {
        ctr: ctr::CtrCore::inner_iv_init(aes, &Block::from(counter)),
        ghash: Ghash::new(&h),
        tag_mask: tag_mask.into(),
        keystream: [0; 16],
        used: 16,
        pending: Pending::default(),
        aad_len: 0,
        text_len: 0,
        started: false,
        decrypt,
        tag_len,
        tag: None,
        expected: None,
    }))
}

/// `data ^= key` (at most a block: the ends of an update).
fn xor_in(data: &mut [u8], key: &[u8]) {
    for (d, k) in data.iter_mut().zip(key) {
        *d ^= k;
    }
}

impl<A: BlockEncryptMut + BlockCipher + BlockSizeUser<BlockSize = U16> + Send> Gcm<A> {
    /// Applies the keystream to `data` in place, carrying a partial block to the next call.
    fn crypt(&mut self, mut data: &mut [u8]) {
        if self.used < 16 {
            let n = (16 - self.used).min(data.len());
            xor_in(&mut data[..n], &self.keystream[self.used..self.used + n]);
            self.used += n;
            data = &mut data[n..];
        }
        let whole = data.len() / 16 * 16;
        // The counter wraps within its 32 bits as GCM's inc32 does; no block limit applies.
        self.ctr
            .apply_keystream_blocks(blocks_mut(&mut data[..whole]));
        let rest = &mut data[whole..];
        if !rest.is_empty() {
            let mut block = Block::default();
            self.ctr.write_keystream_block(&mut block);
            self.keystream = block.into();
            xor_in(rest, &self.keystream);
            self.used = rest.len();
        }
    }
}

impl<A: BlockEncryptMut + BlockCipher + BlockSizeUser<BlockSize = U16> + Send> Engine for Gcm<A> {
    fn update(&mut self, input: &[u8]) -> Vec<u8> {
        self.started = true;
        let mut out = input.to_vec();
        for piece in out.chunks_mut(PIECE) {
            if self.decrypt {
                ghash_text(&mut self.ghash, &mut self.pending, piece);
                self.crypt(piece);
            } else {
                self.crypt(piece);
                ghash_text(&mut self.ghash, &mut self.pending, piece);
            }
        }
        self.text_len += input.len() as u64;
        out
    }
    fn finish(&mut self) -> Result<Vec<u8>, Failure> {
        let pending = std::mem::take(&mut self.pending);
        self.ghash.padded(&pending.block[..pending.len]);
        let mut lens = [0u8; 16];
        lens[..8].copy_from_slice(&(self.aad_len * 8).to_be_bytes());
        lens[8..].copy_from_slice(&(self.text_len * 8).to_be_bytes());
        self.ghash.blocks(&lens);
        let s = self.ghash.value();
        let full: Vec<u8> = s.iter().zip(self.tag_mask).map(|(a, b)| a ^ b).collect();
        if self.decrypt {
            let Some(expected) = &self.expected else {
                return Err(Failure::AuthFailed);
            };
            let diff = expected
                .iter()
                .zip(&full)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b));
            if diff != 0 {
                return Err(Failure::AuthFailed);
            }
        } else {
            self.tag = Some(full[..self.tag_len].to_vec());
        }
        Ok(Vec::new())
    }
    fn set_aad(&mut self, aad: &[u8]) -> bool {
        if self.started {
            return false;
        }
        // AAD is hashed whole and padded; Node takes it in one setAAD call before any data.
        self.ghash.padded(aad);
        self.aad_len += aad.len() as u64;
        true
    }
    fn tag(&self) -> Option<Vec<u8>> {
        self.tag.clone()
    }
    fn set_tag(&mut self, tag: &[u8]) -> Result<(), Failure> {
        if !self.decrypt {
            return Err(Failure::InvalidState);
        }
        if !(4..=16).contains(&tag.len()) || (tag.len() < 12 && tag.len() != 4 && tag.len() != 8) {
            return Err(Failure::InvalidAuthTag);
        }
        self.expected = Some(tag.to_vec());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CLMUL GHASH against the crate's, over lengths around the eight-block groups.
    #[test]
    fn ghash_backends_agree() {
        let h: [u8; 16] = std::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(11));
        let data: Vec<u8> = (0..16 * 40).map(|i| (i * 131 + 7) as u8).collect();
        for blocks in [0, 1, 7, 8, 9, 16, 17, 40] {
            let mut ours = Ghash::new(&h);
            let mut theirs =
                Ghash::Crate(Box::new(ghash::GHash::new(GenericArray::from_slice(&h))));
            for split in [3usize, 8, 1] {
                let cut = (blocks.min(split)) * 16;
                ours.blocks(&data[..cut]);
                ours.blocks(&data[cut..blocks * 16]);
                theirs.blocks(&data[..blocks * 16]);
                assert_eq!(
                    ours.value(),
                    theirs.value(),
                    "{blocks} blocks, split {split}"
                );
            }
        }
    }
}
