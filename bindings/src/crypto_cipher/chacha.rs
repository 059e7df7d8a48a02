//! chacha20 and chacha20-poly1305 (RFC 8439) as OpenSSL streams them, for createCipheriv: each
//! update hands back its output at once. The keystream is RustCrypto's `chacha20` core (AVX2
//! when the CPU has it), the MAC the `poly1305` crate's (AVX2 likewise).
//!
//! Two OpenSSL behaviours are kept so output matches Node's byte for byte: the 32-bit block
//! counter carries into the next state word (the crate's wraps), and the MAC sees one byte stream
//! (AAD, its zero padding when the text starts, the ciphertext, ...) whatever the call pattern.

use cipher::consts::{U10, U64};
use cipher::generic_array::GenericArray;
use cipher::{KeyIvInit, StreamCipherCore, StreamCipherSeekCore};
use poly1305::universal_hash::{KeyInit, UniversalHash};

use super::{Engine, Failure};

// ===== keystream =====

/// The ChaCha20 keystream from state words 12-15 as OpenSSL takes them (the 16-byte IV).
struct Keystream {
    key: [u8; 32],
    /// State words 13-15: what the crate calls the nonce, bumped when word 12 wraps.
    upper: [u8; 12],
    core: chacha20::ChaChaCore<U10>,
    /// Keystream left from the last partial block: `block[used..]`.
    block: [u8; 64],
    used: usize,
}

impl Keystream {
    fn new(key: &[u8; 32], iv: &[u8; 16]) -> Keystream {
        let mut upper = [0u8; 12];
        upper.copy_from_slice(&iv[4..]);
        let mut core = chacha20::ChaChaCore::new(key.into(), (&upper).into());
        core.set_block_pos(u32::from_le_bytes([iv[0], iv[1], iv[2], iv[3]]));
        Keystream {
            key: *key,
            upper,
            core,
            block: [0; 64],
            used: 64,
        }
    }

    /// After word 12 has wrapped to 0: carry into word 13, as OpenSSL does.
    fn carry(&mut self) {
        let w13 = u32::from_le_bytes([self.upper[0], self.upper[1], self.upper[2], self.upper[3]]);
        self.upper[..4].copy_from_slice(&w13.wrapping_add(1).to_le_bytes());
        self.core = chacha20::ChaChaCore::new((&self.key).into(), (&self.upper).into());
    }

    /// Applies the keystream to `data` in place, carrying a partial block to the next call.
    fn apply(&mut self, mut data: &mut [u8]) {
        if self.used < 64 {
            let n = (64 - self.used).min(data.len());
            for (d, k) in data[..n].iter_mut().zip(&self.block[self.used..]) {
                *d ^= k;
            }
            self.used += n;
            data = &mut data[n..];
        }
        while data.len() >= 64 {
            // Blocks until word 12 wraps (1..=2^32); the crate is never asked to run past it.
            let room = (u32::MAX - self.core.get_block_pos()) as usize + 1;
            let n = (data.len() / 64).min(room);
            let (now, rest) = data.split_at_mut(n * 64);
            // SAFETY: GenericArray<u8, U64> is #[repr(transparent)] over [u8; 64] (align 1);
            // the n blocks are `now`, borrowed mutably for the call.
            let blocks: &mut [GenericArray<u8, U64>] =
                unsafe { std::slice::from_raw_parts_mut(now.as_mut_ptr().cast(), n) };
            self.core.apply_keystream_blocks(blocks);
            if n == room {
                self.carry();
            }
            data = rest;
        }
        if !data.is_empty() {
            let mut block = GenericArray::default();
            self.core.write_keystream_block(&mut block);
            if self.core.get_block_pos() == 0 {
                self.carry();
            }
            self.block = block.into();
            for (d, k) in data.iter_mut().zip(&self.block) {
                *d ^= k;
            }
            self.used = data.len();
        }
    }
}

/// OpenSSL's plain chacha20: the keystream, nothing to authenticate.
pub(super) struct ChaCha20(Keystream);

impl ChaCha20 {
    pub(super) fn new(key: &[u8; 32], iv: &[u8; 16]) -> ChaCha20 {
        ChaCha20(Keystream::new(key, iv))
    }
}

impl Engine for ChaCha20 {
    fn update(&mut self, input: &[u8]) -> Vec<u8> {
        let mut out = input.to_vec();
        self.0.apply(&mut out);
        out
    }
    fn finish(&mut self) -> Result<Vec<u8>, Failure> {
        Ok(Vec::new())
    }
}

// ===== chacha20-poly1305 =====

/// Poly1305 over a byte stream: whole blocks go straight in, the rest waits.
struct Mac {
    poly: poly1305::Poly1305,
    pending: [u8; 16],
    len: usize,
}

impl Mac {
    fn feed(&mut self, mut data: &[u8]) {
        if self.len > 0 {
            let n = (16 - self.len).min(data.len());
            self.pending[self.len..self.len + n].copy_from_slice(&data[..n]);
            self.len += n;
            data = &data[n..];
            if self.len < 16 {
                return;
            }
            self.poly.update(&[self.pending.into()]);
            self.len = 0;
        }
        let whole = data.len() / 16;
        // SAFETY: as for the keystream's blocks, with 16-byte blocks, read-only.
        let blocks: &[poly1305::Block] =
            unsafe { std::slice::from_raw_parts(data.as_ptr().cast(), whole) };
        self.poly.update(blocks);
        let rest = &data[whole * 16..];
        self.pending[..rest.len()].copy_from_slice(rest);
        self.len = rest.len();
    }

    /// Zeros up to the next multiple of 16 of `count` (RFC 8439's padding of AAD and text).
    fn pad(&mut self, count: u64) {
        let rem = (count % 16) as usize;
        if rem != 0 {
            self.feed(&[0u8; 16][rem..]);
        }
    }
}

pub(super) struct ChaChaPoly {
    stream: Keystream,
    mac: Mac,
    /// AAD has come since the text last did: it is padded when text comes or at the end.
    aad_open: bool,
    aad_len: u64,
    text_len: u64,
    decrypt: bool,
    tag_len: usize,
    /// The tag made by an encrypting final().
    tag: Option<Vec<u8>>,
    /// The tag a decryption is checked against (as many bytes as were given).
    expected: Option<Vec<u8>>,
}

impl ChaChaPoly {
    pub(super) fn new(key: &[u8; 32], nonce: &[u8; 12], decrypt: bool, tag_len: usize) -> Self {
        let mut iv = [0u8; 16];
        iv[4..].copy_from_slice(nonce);
        let mut stream = Keystream::new(key, &iv);
        // Block 0 keys Poly1305; the text starts at block 1.
        let mut poly_key = [0u8; 64];
        stream.apply(&mut poly_key);
        let poly = poly1305::Poly1305::new(GenericArray::from_slice(&poly_key[..32]));
        ChaChaPoly {
            stream,
            mac: Mac {
                poly,
                pending: [0; 16],
                len: 0,
            },
            aad_open: false,
            aad_len: 0,
            text_len: 0,
            decrypt,
            tag_len,
            tag: None,
            expected: None,
        }
    }

    fn close_aad(&mut self) {
        if self.aad_open {
            self.mac.pad(self.aad_len);
            self.aad_open = false;
        }
    }
}

impl Engine for ChaChaPoly {
    fn update(&mut self, input: &[u8]) -> Vec<u8> {
        self.close_aad();
        let mut out = input.to_vec();
        for piece in out.chunks_mut(16 << 10) {
            if self.decrypt {
                self.mac.feed(piece);
                self.stream.apply(piece);
            } else {
                self.stream.apply(piece);
                self.mac.feed(piece);
            }
        }
        self.text_len += input.len() as u64;
        out
    }
    fn finish(&mut self) -> Result<Vec<u8>, Failure> {
        self.close_aad();
        self.mac.pad(self.text_len);
        let mut lens = [0u8; 16];
        lens[..8].copy_from_slice(&self.aad_len.to_le_bytes());
        lens[8..].copy_from_slice(&self.text_len.to_le_bytes());
        self.mac.feed(&lens);
        let mac = &self.mac;
        let full: [u8; 16] = mac
            .poly
            .clone()
            .compute_unpadded(&mac.pending[..mac.len])
            .into();
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
        self.mac.feed(aad);
        self.aad_len += aad.len() as u64;
        self.aad_open = true;
        true
    }
    fn tag(&self) -> Option<Vec<u8>> {
        self.tag.clone()
    }
    fn set_tag(&mut self, tag: &[u8]) -> Result<(), Failure> {
        if !self.decrypt {
            return Err(Failure::InvalidState);
        }
        if tag.is_empty() || tag.len() > 16 {
            return Err(Failure::InvalidAuthTag);
        }
        self.expected = Some(tag.to_vec());
        Ok(())
    }
}
