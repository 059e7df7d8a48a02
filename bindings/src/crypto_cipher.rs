//! Symmetric ciphers for node:crypto's createCipheriv/createDecipheriv, on RustCrypto's block
//! ciphers and modes. Output follows OpenSSL's streaming rules, as Node's does: `update`
//! returns what can be produced so far (a decrypting padded block mode holds its last block back
//! for `final`), `final` pads or checks the padding.
//!
//! AES-GCM (`gcm`), chacha20 and chacha20-poly1305 (`chacha`) are put together from their
//! primitives so they stream like Node's.

use std::cell::RefCell;
use std::collections::HashMap;

use aes::{Aes128, Aes192, Aes256};
use cipher::generic_array::GenericArray;
use cipher::{BlockDecryptMut, BlockEncryptMut, KeyInit, KeyIvInit, StreamCipher};
use eddy_runtime::{js_string, set_fn, set_value, v8};

mod chacha;
mod gcm;

pub(crate) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "cipherNew", cipher_new);
    set_fn(scope, target, "cipherUpdate", cipher_update);
    set_fn(scope, target, "cipherFinal", cipher_final);
    set_fn(scope, target, "cipherSetPadding", cipher_set_padding);
    set_fn(scope, target, "cipherSetAAD", cipher_set_aad);
    set_fn(scope, target, "cipherGetTag", cipher_get_tag);
    set_fn(scope, target, "cipherSetTag", cipher_set_tag);
    set_fn(scope, target, "cipherFree", cipher_free);
    set_fn(scope, target, "cipherInfo", cipher_info);
    set_fn(scope, target, "cipherNames", cipher_names);
}

/// Why a cipher call failed; JS turns each into Node's error.
#[derive(Clone, Copy)]
enum Failure {
    UnknownCipher = 1,
    InvalidKeyLength = 2,
    InvalidIv = 3,
    BadDecrypt = 4,
    WrongFinalBlockLength = 5,
    AuthFailed = 6,
    InvalidAuthTag = 7,
    InvalidState = 8,
}

trait Engine: Send {
    fn update(&mut self, input: &[u8]) -> Vec<u8>;
    fn finish(&mut self) -> Result<Vec<u8>, Failure>;
    fn set_padding(&mut self, _on: bool) -> bool {
        false
    }
    fn set_aad(&mut self, _aad: &[u8]) -> bool {
        false
    }
    fn tag(&self) -> Option<Vec<u8>> {
        None
    }
    fn set_tag(&mut self, _tag: &[u8]) -> Result<(), Failure> {
        Err(Failure::InvalidState)
    }
}

// ===== stream modes (ctr, ofb, cfb) =====

struct Stream<T>(T);

impl<T: StreamCipher + Send> Engine for Stream<T> {
    fn update(&mut self, input: &[u8]) -> Vec<u8> {
        let mut out = input.to_vec();
        self.0.apply_keystream(&mut out);
        out
    }
    fn finish(&mut self) -> Result<Vec<u8>, Failure> {
        Ok(Vec::new())
    }
}

struct CfbEnc<C: cipher::BlockEncryptMut + cipher::BlockCipher>(cfb_mode::BufEncryptor<C>);
struct CfbDec<C: cipher::BlockEncryptMut + cipher::BlockCipher>(cfb_mode::BufDecryptor<C>);

impl<C: cipher::BlockEncryptMut + cipher::BlockCipher + Send> Engine for CfbEnc<C> {
    fn update(&mut self, input: &[u8]) -> Vec<u8> {
        let mut out = input.to_vec();
        self.0.encrypt(&mut out);
        out
    }
    fn finish(&mut self) -> Result<Vec<u8>, Failure> {
        Ok(Vec::new())
    }
}

impl<C: cipher::BlockEncryptMut + cipher::BlockCipher + Send> Engine for CfbDec<C> {
    fn update(&mut self, input: &[u8]) -> Vec<u8> {
        let mut out = input.to_vec();
        self.0.decrypt(&mut out);
        out
    }
    fn finish(&mut self) -> Result<Vec<u8>, Failure> {
        Ok(Vec::new())
    }
}

// ===== block modes (cbc, ecb, cfb8) with OpenSSL's padding rules =====

trait Blocks: Send {
    fn size(&self) -> usize;
    fn run(&mut self, data: &mut [u8]);
}

struct Enc<T>(T);
struct Dec<T>(T);

impl<T: BlockEncryptMut + Send> Blocks for Enc<T> {
    fn size(&self) -> usize {
        T::block_size()
    }
    fn run(&mut self, data: &mut [u8]) {
        for block in data.chunks_exact_mut(T::block_size()) {
            self.0
                .encrypt_block_mut(GenericArray::from_mut_slice(block));
        }
    }
}

impl<T: BlockDecryptMut + Send> Blocks for Dec<T> {
    fn size(&self) -> usize {
        T::block_size()
    }
    fn run(&mut self, data: &mut [u8]) {
        for block in data.chunks_exact_mut(T::block_size()) {
            self.0
                .decrypt_block_mut(GenericArray::from_mut_slice(block));
        }
    }
}

struct BlockMode {
    core: Box<dyn Blocks>,
    decrypt: bool,
    padding: bool,
    pending: Vec<u8>,
}

impl Engine for BlockMode {
    fn update(&mut self, input: &[u8]) -> Vec<u8> {
        let bs = self.core.size();
        self.pending.extend_from_slice(input);
        let mut n = self.pending.len() / bs * bs;
        // A padded decryption keeps its last whole block: it may be the padding.
        if self.decrypt && self.padding && bs > 1 && n == self.pending.len() && n > 0 {
            n -= bs;
        }
        let mut out: Vec<u8> = self.pending.drain(..n).collect();
        self.core.run(&mut out);
        out
    }
    fn finish(&mut self) -> Result<Vec<u8>, Failure> {
        let bs = self.core.size();
        let mut rest = std::mem::take(&mut self.pending);
        if bs == 1 || !self.padding {
            if !rest.is_empty() {
                return Err(Failure::WrongFinalBlockLength);
            }
            return Ok(Vec::new());
        }
        if !self.decrypt {
            let pad = bs - rest.len() % bs;
            rest.extend(std::iter::repeat_n(pad as u8, pad));
            self.core.run(&mut rest);
            return Ok(rest);
        }
        if rest.len() != bs {
            return Err(Failure::WrongFinalBlockLength);
        }
        self.core.run(&mut rest);
        let pad = rest[bs - 1] as usize;
        if pad == 0 || pad > bs || rest[bs - pad..].iter().any(|&b| b as usize != pad) {
            return Err(Failure::BadDecrypt);
        }
        rest.truncate(bs - pad);
        Ok(rest)
    }
    fn set_padding(&mut self, on: bool) -> bool {
        self.padding = on;
        true
    }
}

// ===== the table of ciphers =====

/// (name, key length, iv length, block size, mode name) as getCipherInfo reports them.
const CIPHERS: &[(&str, usize, usize, usize, &str)] = &[
    ("aes-128-cbc", 16, 16, 16, "cbc"),
    ("aes-192-cbc", 24, 16, 16, "cbc"),
    ("aes-256-cbc", 32, 16, 16, "cbc"),
    ("aes-128-ecb", 16, 0, 16, "ecb"),
    ("aes-192-ecb", 24, 0, 16, "ecb"),
    ("aes-256-ecb", 32, 0, 16, "ecb"),
    ("aes-128-ctr", 16, 16, 1, "ctr"),
    ("aes-192-ctr", 24, 16, 1, "ctr"),
    ("aes-256-ctr", 32, 16, 1, "ctr"),
    ("aes-128-cfb", 16, 16, 1, "cfb"),
    ("aes-192-cfb", 24, 16, 1, "cfb"),
    ("aes-256-cfb", 32, 16, 1, "cfb"),
    ("aes-128-cfb8", 16, 16, 1, "cfb8"),
    ("aes-192-cfb8", 24, 16, 1, "cfb8"),
    ("aes-256-cfb8", 32, 16, 1, "cfb8"),
    ("aes-128-ofb", 16, 16, 1, "ofb"),
    ("aes-192-ofb", 24, 16, 1, "ofb"),
    ("aes-256-ofb", 32, 16, 1, "ofb"),
    ("aes-128-gcm", 16, 12, 1, "gcm"),
    ("aes-192-gcm", 24, 12, 1, "gcm"),
    ("aes-256-gcm", 32, 12, 1, "gcm"),
    ("chacha20", 32, 16, 1, "stream"),
    ("chacha20-poly1305", 32, 12, 1, "stream"),
    ("des-ede3-cbc", 24, 8, 8, "cbc"),
];

fn lookup(name: &str) -> Option<(&'static str, usize, usize, usize, &'static str)> {
    let lower = name.to_ascii_lowercase();
    let lower = match lower.as_str() {
        "aes128" => "aes-128-cbc".to_string(),
        "aes192" => "aes-192-cbc".to_string(),
        "aes256" => "aes-256-cbc".to_string(),
        "id-aes128-gcm" => "aes-128-gcm".to_string(),
        "id-aes192-gcm" => "aes-192-gcm".to_string(),
        "id-aes256-gcm" => "aes-256-gcm".to_string(),
        "des3" | "des-ede3-cbc" => "des-ede3-cbc".to_string(),
        _ => lower,
    };
    CIPHERS.iter().copied().find(|c| c.0 == lower)
}

fn make(
    name: &str,
    key: &[u8],
    iv: &[u8],
    decrypt: bool,
    tag_len: usize,
) -> Result<Box<dyn Engine>, Failure> {
    let (canon, key_len, iv_len, _, mode) = lookup(name).ok_or(Failure::UnknownCipher)?;
    if key.len() != key_len {
        return Err(Failure::InvalidKeyLength);
    }
    let iv_ok = match mode {
        "gcm" => !iv.is_empty(),
        "ecb" => true,
        _ => iv.len() == iv_len,
    };
    if !iv_ok {
        return Err(Failure::InvalidIv);
    }
    macro_rules! by_key {
        ($build:ident) => {
            match key_len {
                16 => $build!(Aes128),
                24 => $build!(Aes192),
                _ => $build!(Aes256),
            }
        };
    }
    macro_rules! block {
        ($enc:ty, $dec:ty) => {{
            let core: Box<dyn Blocks> = if decrypt {
                Box::new(Dec(
                    <$dec>::new_from_slices(key, iv).map_err(|_| Failure::InvalidIv)?
                ))
            } else {
                Box::new(Enc(
                    <$enc>::new_from_slices(key, iv).map_err(|_| Failure::InvalidIv)?
                ))
            };
            Box::new(BlockMode {
                core,
                decrypt,
                padding: true,
                pending: Vec::new(),
            }) as Box<dyn Engine>
        }};
    }
    let engine: Box<dyn Engine> = match mode {
        "cbc" if canon.starts_with("des") => {
            block!(cbc::Encryptor<des::TdesEde3>, cbc::Decryptor<des::TdesEde3>)
        }
        "cbc" => {
            macro_rules! b {
                ($a:ty) => {
                    block!(cbc::Encryptor<$a>, cbc::Decryptor<$a>)
                };
            }
            by_key!(b)
        }
        "ecb" => {
            macro_rules! b {
                ($a:ty) => {{
                    let core: Box<dyn Blocks> = if decrypt {
                        Box::new(Dec(ecb::Decryptor::<$a>::new_from_slice(key)
                            .map_err(|_| Failure::InvalidKeyLength)?))
                    } else {
                        Box::new(Enc(ecb::Encryptor::<$a>::new_from_slice(key)
                            .map_err(|_| Failure::InvalidKeyLength)?))
                    };
                    Box::new(BlockMode {
                        core,
                        decrypt,
                        padding: true,
                        pending: Vec::new(),
                    }) as Box<dyn Engine>
                }};
            }
            by_key!(b)
        }
        "cfb8" => {
            macro_rules! b {
                ($a:ty) => {
                    block!(cfb8::Encryptor<$a>, cfb8::Decryptor<$a>)
                };
            }
            by_key!(b)
        }
        "ctr" => {
            macro_rules! b {
                ($a:ty) => {
                    Box::new(Stream(
                        ctr::Ctr128BE::<$a>::new_from_slices(key, iv)
                            .map_err(|_| Failure::InvalidIv)?,
                    )) as Box<dyn Engine>
                };
            }
            by_key!(b)
        }
        "ofb" => {
            macro_rules! b {
                ($a:ty) => {
                    Box::new(Stream(
                        ofb::Ofb::<$a>::new_from_slices(key, iv).map_err(|_| Failure::InvalidIv)?,
                    )) as Box<dyn Engine>
                };
            }
            by_key!(b)
        }
        "cfb" => {
            macro_rules! b {
                ($a:ty) => {
                    if decrypt {
                        Box::new(CfbDec(
                            cfb_mode::BufDecryptor::<$a>::new_from_slices(key, iv)
                                .map_err(|_| Failure::InvalidIv)?,
                        )) as Box<dyn Engine>
                    } else {
                        Box::new(CfbEnc(
                            cfb_mode::BufEncryptor::<$a>::new_from_slices(key, iv)
                                .map_err(|_| Failure::InvalidIv)?,
                        )) as Box<dyn Engine>
                    }
                };
            }
            by_key!(b)
        }
        "gcm" => match key_len {
            16 => gcm::new::<Aes128>(key, iv, decrypt, tag_len),
            24 => gcm::new::<Aes192>(key, iv, decrypt, tag_len),
            _ => gcm::new::<Aes256>(key, iv, decrypt, tag_len),
        }
        .ok_or(Failure::InvalidKeyLength)?,
        _ => {
            let key = key.try_into().map_err(|_| Failure::InvalidKeyLength)?;
            if canon == "chacha20" {
                let iv = iv.try_into().map_err(|_| Failure::InvalidIv)?;
                Box::new(chacha::ChaCha20::new(key, iv))
            } else {
                let nonce = iv.try_into().map_err(|_| Failure::InvalidIv)?;
                Box::new(chacha::ChaChaPoly::new(key, nonce, decrypt, tag_len))
            }
        }
    };
    Ok(engine)
}

thread_local! {
    static CIPHER_TABLE: RefCell<HashMap<u32, Box<dyn Engine>>> = RefCell::new(HashMap::new());
    static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

fn bytes(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Vec<u8> {
    if value.is_array_buffer_view() {
        crate::buffer::view_bytes(scope, value).to_vec()
    } else if value.is_null_or_undefined() {
        Vec::new()
    } else {
        value.to_rust_string_lossy(scope).into_bytes()
    }
}

fn with<R>(id: u32, f: impl FnOnce(&mut Box<dyn Engine>) -> R) -> Option<R> {
    CIPHER_TABLE.with(|t| t.borrow_mut().get_mut(&id).map(f))
}

/// `cipherNew(name, key, iv | null, decrypt, authTagLength)` → id, or -Failure.
fn cipher_new(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let name = args.get(0).to_rust_string_lossy(scope);
    let key = bytes(scope, args.get(1));
    let iv = bytes(scope, args.get(2));
    let decrypt = args.get(3).is_true();
    let tag_len = args.get(4).uint32_value(scope).unwrap_or(16).clamp(1, 16) as usize;
    match make(&name, &key, &iv, decrypt, tag_len) {
        Ok(engine) => {
            let id = NEXT.with(|n| {
                let id = n.get();
                n.set(id.wrapping_add(1).max(1));
                id
            });
            CIPHER_TABLE.with(|t| t.borrow_mut().insert(id, engine));
            rv.set_uint32(id);
        }
        Err(f) => rv.set_int32(-(f as i32)),
    }
}

fn cipher_update(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    // A view's bytes are read where they are: no JS runs until the update returns.
    let arg = args.get(1);
    let owned;
    let data: &[u8] = if arg.is_array_buffer_view() {
        crate::buffer::view_bytes(scope, arg)
    } else {
        owned = bytes(scope, arg);
        &owned
    };
    if let Some(out) = with(id, |e| e.update(data)) {
        rv.set(crate::fs::bytes_to_js(scope, out));
    }
}

/// `cipherFinal(id)` → Uint8Array, or -Failure.
fn cipher_final(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    match with(id, |e| e.finish()) {
        Some(Ok(out)) => rv.set(crate::fs::bytes_to_js(scope, out)),
        Some(Err(f)) => rv.set_int32(-(f as i32)),
        None => rv.set_int32(-(Failure::InvalidState as i32)),
    }
}

fn cipher_set_padding(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    let on = args.get(1).is_true();
    rv.set_bool(with(id, |e| e.set_padding(on)).unwrap_or(false));
}

fn cipher_set_aad(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    let aad = bytes(scope, args.get(1));
    rv.set_bool(with(id, |e| e.set_aad(&aad)).unwrap_or(false));
}

fn cipher_get_tag(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    if let Some(Some(tag)) = with(id, |e| e.tag()) {
        rv.set(crate::fs::bytes_to_js(scope, tag));
    }
}

/// `cipherSetTag(id, tag)` → 0 or -Failure.
fn cipher_set_tag(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    let tag = bytes(scope, args.get(1));
    match with(id, |e| e.set_tag(&tag)) {
        Some(Ok(())) => rv.set_int32(0),
        Some(Err(f)) => rv.set_int32(-(f as i32)),
        None => rv.set_int32(-(Failure::InvalidState as i32)),
    }
}

fn cipher_free(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    if let Some(id) = args.get(0).uint32_value(scope) {
        CIPHER_TABLE.with(|t| t.borrow_mut().remove(&id));
    }
}

/// `cipherInfo(name)` → `{ name, keyLength, ivLength, blockSize, mode }` or undefined.
fn cipher_info(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let name = args.get(0).to_rust_string_lossy(scope);
    let Some((canon, key, iv, block, mode)) = lookup(&name) else {
        return;
    };
    let obj = v8::Object::new(scope);
    let v = js_string(scope, mode);
    set_value(scope, obj, "mode", v.into());
    let v = js_string(scope, canon);
    set_value(scope, obj, "name", v.into());
    for (k, n) in [("blockSize", block), ("ivLength", iv), ("keyLength", key)] {
        if k == "ivLength" && n == 0 {
            continue;
        }
        let v = v8::Integer::new(scope, n as i32);
        set_value(scope, obj, k, v.into());
    }
    rv.set(obj.into());
}

fn cipher_names(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let mut names: Vec<&str> = CIPHERS.iter().map(|c| c.0).collect();
    names.extend([
        "aes128",
        "aes192",
        "aes256",
        "des3",
        "id-aes128-gcm",
        "id-aes192-gcm",
        "id-aes256-gcm",
    ]);
    names.sort_unstable();
    let items: Vec<v8::Local<v8::Value>> =
        names.iter().map(|n| js_string(scope, n).into()).collect();
    let arr = v8::Array::new_with_elements(scope, &items);
    rv.set(arr.into());
}
