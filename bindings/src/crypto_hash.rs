//! Hashes, HMACs and key derivation for node:crypto, on RustCrypto's crates (sha2 and sha1 use
//! the CPU's SHA extensions where present). A hash or HMAC in progress lives in a table under
//! an id that the JS `Hash`/`Hmac` object holds; `hashFree` (from a FinalizationRegistry or
//! after `digest()`) drops it. The KDFs run on the worker pool in their async forms.

use std::cell::RefCell;
use std::collections::HashMap;

use digest::{ExtendableOutput, FixedOutput, Mac, Update};
use eddy_runtime::{JobPanic, call_function, js_string, set_fn, submit_work, v8};

pub(crate) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "hashNew", hash_new);
    set_fn(scope, target, "hmacNew", hmac_new);
    set_fn(scope, target, "hashUpdate", hash_update);
    set_fn(scope, target, "hashDigest", hash_digest);
    set_fn(scope, target, "hashCopy", hash_copy);
    set_fn(scope, target, "hashFree", hash_free);
    set_fn(scope, target, "hashOnce", hash_once);
    set_fn(scope, target, "hashNames", hash_names);
    set_fn(scope, target, "pbkdf2", pbkdf2_js);
    set_fn(scope, target, "hkdf", hkdf_js);
    set_fn(scope, target, "scrypt", scrypt_js);
    set_fn(scope, target, "timingSafeEqual", timing_safe_equal);
}

/// A fixed-length digest.
trait Fixed: Send {
    fn update(&mut self, data: &[u8]);
    fn finish(self: Box<Self>) -> Vec<u8>;
    fn box_clone(&self) -> Box<dyn Fixed>;
}

impl<T: Update + FixedOutput + Clone + Send + 'static> Fixed for T {
    fn update(&mut self, data: &[u8]) {
        Update::update(self, data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        (*self).finalize_fixed().to_vec()
    }
    fn box_clone(&self) -> Box<dyn Fixed> {
        Box::new(self.clone())
    }
}

/// An extendable-output function (shake) with its output length.
trait Xof: Send {
    fn update(&mut self, data: &[u8]);
    fn finish(self: Box<Self>, len: usize) -> Vec<u8>;
    fn box_clone(&self) -> Box<dyn Xof>;
}

impl<T: Update + ExtendableOutput + Clone + Send + 'static> Xof for T {
    fn update(&mut self, data: &[u8]) {
        Update::update(self, data);
    }
    fn finish(self: Box<Self>, len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len];
        (*self).finalize_xof_into(&mut out);
        out
    }
    fn box_clone(&self) -> Box<dyn Xof> {
        Box::new(self.clone())
    }
}

/// An HMAC over some digest.
trait DynMac: Send {
    fn update(&mut self, data: &[u8]);
    fn finish(self: Box<Self>) -> Vec<u8>;
    fn box_clone(&self) -> Box<dyn DynMac>;
}

impl<T: Mac + Clone + Send + 'static> DynMac for T {
    fn update(&mut self, data: &[u8]) {
        Mac::update(self, data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        (*self).finalize().into_bytes().to_vec()
    }
    fn box_clone(&self) -> Box<dyn DynMac> {
        Box::new(self.clone())
    }
}

enum State {
    Digest(Box<dyn Fixed>),
    Xof(Box<dyn Xof>, usize),
    Mac(Box<dyn DynMac>),
}

impl State {
    fn update(&mut self, data: &[u8]) {
        match self {
            State::Digest(d) => d.update(data),
            State::Xof(x, _) => x.update(data),
            State::Mac(m) => m.update(data),
        }
    }
    fn finish(self) -> Vec<u8> {
        match self {
            State::Digest(d) => d.finish(),
            State::Xof(x, len) => x.finish(len),
            State::Mac(m) => m.finish(),
        }
    }
    fn copy(&self) -> State {
        match self {
            State::Digest(d) => State::Digest(d.box_clone()),
            State::Xof(x, len) => State::Xof(x.box_clone(), *len),
            State::Mac(m) => State::Mac(m.box_clone()),
        }
    }
}

/// Node's canonical name for a digest name (case-insensitive, OpenSSL aliases included).
pub(crate) fn canonical(name: &str) -> Option<&'static str> {
    // The usual spellings skip the lowercased copy (this runs once per createHash).
    if let Some(same) = ["md5", "sha1", "sha256", "sha512"]
        .into_iter()
        .find(|n| *n == name)
    {
        return Some(same);
    }
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_prefix("rsa-").unwrap_or(&lower);
    let lower = lower
        .strip_prefix("id-rsassa-pkcs1-v1_5-with-")
        .unwrap_or(lower);
    let lower = lower
        .strip_suffix("withrsaencryption")
        .or_else(|| lower.strip_suffix("withrsa"))
        .unwrap_or(lower);
    Some(match lower {
        "md5-sha1" => "md5-sha1",
        "sha1-2" => "sha1",
        "md5" | "ssl3-md5" => "md5",
        "sha1" | "sha-1" | "ssl3-sha1" => "sha1",
        "sha224" | "sha-224" | "sha2-224" => "sha224",
        "sha256" | "sha-256" | "sha2-256" => "sha256",
        "sha384" | "sha-384" | "sha2-384" => "sha384",
        "sha512" | "sha-512" | "sha2-512" => "sha512",
        "sha512-224" | "sha512/224" | "sha-512/224" | "sha2-512/224" => "sha512-224",
        "sha512-256" | "sha512/256" | "sha-512/256" | "sha2-512/256" => "sha512-256",
        "sha3-224" => "sha3-224",
        "sha3-256" => "sha3-256",
        "sha3-384" => "sha3-384",
        "sha3-512" => "sha3-512",
        "shake128" => "shake128",
        "shake256" => "shake256",
        "ripemd160" | "ripemd-160" | "rmd160" | "ripemd" => "ripemd160",
        "blake2b512" => "blake2b512",
        "blake2s256" => "blake2s256",
        "sm3" => "sm3",
        "whirlpool" => "whirlpool",
        _ => return None,
    })
}

/// The names getHashes() lists: Node 20's (OpenSSL 3's default provider), every one accepted.
const NAMES: &[&str] = &[
    "RSA-MD5",
    "RSA-RIPEMD160",
    "RSA-SHA1",
    "RSA-SHA1-2",
    "RSA-SHA224",
    "RSA-SHA256",
    "RSA-SHA3-224",
    "RSA-SHA3-256",
    "RSA-SHA3-384",
    "RSA-SHA3-512",
    "RSA-SHA384",
    "RSA-SHA512",
    "RSA-SHA512/224",
    "RSA-SHA512/256",
    "RSA-SM3",
    "blake2b512",
    "blake2s256",
    "id-rsassa-pkcs1-v1_5-with-sha3-224",
    "id-rsassa-pkcs1-v1_5-with-sha3-256",
    "id-rsassa-pkcs1-v1_5-with-sha3-384",
    "id-rsassa-pkcs1-v1_5-with-sha3-512",
    "md5",
    "md5-sha1",
    "md5WithRSAEncryption",
    "ripemd",
    "ripemd160",
    "ripemd160WithRSA",
    "rmd160",
    "sha1",
    "sha1WithRSAEncryption",
    "sha224",
    "sha224WithRSAEncryption",
    "sha256",
    "sha256WithRSAEncryption",
    "sha3-224",
    "sha3-256",
    "sha3-384",
    "sha3-512",
    "sha384",
    "sha384WithRSAEncryption",
    "sha512",
    "sha512-224",
    "sha512-224WithRSAEncryption",
    "sha512-256",
    "sha512-256WithRSAEncryption",
    "sha512WithRSAEncryption",
    "shake128",
    "shake256",
    "sm3",
    "sm3WithRSAEncryption",
    "ssl3-md5",
    "ssl3-sha1",
];

/// TLS 1.0's MD5 and SHA-1 side by side (36 bytes), which OpenSSL offers as a digest.
#[derive(Clone, Default)]
struct Md5Sha1(md5::Md5, sha1::Sha1);

impl Fixed for Md5Sha1 {
    fn update(&mut self, data: &[u8]) {
        Update::update(&mut self.0, data);
        Update::update(&mut self.1, data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        let mut out = self.0.finalize_fixed().to_vec();
        out.extend_from_slice(&self.1.finalize_fixed());
        out
    }
    fn box_clone(&self) -> Box<dyn Fixed> {
        Box::new(self.clone())
    }
}

fn new_state(name: &str, xof_len: Option<usize>) -> Option<State> {
    let canon = canonical(name)?;
    let d: Box<dyn Fixed> = match canon {
        "md5-sha1" => Box::new(Md5Sha1::default()),
        "md5" => Box::new(md5::Md5::default()),
        "sha1" => Box::new(sha1::Sha1::default()),
        "sha224" => Box::new(sha2::Sha224::default()),
        "sha256" => Box::new(sha2::Sha256::default()),
        "sha384" => Box::new(sha2::Sha384::default()),
        "sha512" => Box::new(sha2::Sha512::default()),
        "sha512-224" => Box::new(sha2::Sha512_224::default()),
        "sha512-256" => Box::new(sha2::Sha512_256::default()),
        "sha3-224" => Box::new(sha3::Sha3_224::default()),
        "sha3-256" => Box::new(sha3::Sha3_256::default()),
        "sha3-384" => Box::new(sha3::Sha3_384::default()),
        "sha3-512" => Box::new(sha3::Sha3_512::default()),
        "ripemd160" => Box::new(ripemd::Ripemd160::default()),
        "blake2b512" => Box::new(blake2::Blake2b512::default()),
        "blake2s256" => Box::new(blake2::Blake2s256::default()),
        "sm3" => Box::new(sm3::Sm3::default()),
        "whirlpool" => Box::new(whirlpool::Whirlpool::default()),
        "shake128" => {
            return Some(State::Xof(
                Box::new(sha3::Shake128::default()),
                xof_len.unwrap_or(16),
            ));
        }
        "shake256" => {
            return Some(State::Xof(
                Box::new(sha3::Shake256::default()),
                xof_len.unwrap_or(32),
            ));
        }
        _ => return None,
    };
    Some(State::Digest(d))
}

fn new_hmac(name: &str, key: &[u8]) -> Option<Box<dyn DynMac>> {
    use hmac::SimpleHmac;
    macro_rules! mac {
        ($t:ty) => {
            Box::new(<SimpleHmac<$t> as hmac::digest::KeyInit>::new_from_slice(key).ok()?)
        };
    }
    Some(match canonical(name)? {
        "md5" => mac!(md5::Md5),
        "sha1" => mac!(sha1::Sha1),
        "sha224" => mac!(sha2::Sha224),
        "sha256" => mac!(sha2::Sha256),
        "sha384" => mac!(sha2::Sha384),
        "sha512" => mac!(sha2::Sha512),
        "sha512-224" => mac!(sha2::Sha512_224),
        "sha512-256" => mac!(sha2::Sha512_256),
        "sha3-224" => mac!(sha3::Sha3_224),
        "sha3-256" => mac!(sha3::Sha3_256),
        "sha3-384" => mac!(sha3::Sha3_384),
        "sha3-512" => mac!(sha3::Sha3_512),
        "ripemd160" => mac!(ripemd::Ripemd160),
        "blake2b512" => mac!(blake2::Blake2b512),
        "blake2s256" => mac!(blake2::Blake2s256),
        "sm3" => mac!(sm3::Sm3),
        "whirlpool" => mac!(whirlpool::Whirlpool),
        _ => return None,
    })
}

thread_local! {
    static HASHES: RefCell<HashMap<u32, State>> = RefCell::new(HashMap::new());
    static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

fn store(state: State) -> u32 {
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    });
    HASHES.with(|h| h.borrow_mut().insert(id, state));
    id
}

/// A digest as JS hands it back: lowercase hex (a flat string, as Node's digest('hex') gives)
/// when `hex` is true, else a Uint8Array.
fn digest_to_js<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bytes: Vec<u8>,
    hex: bool,
) -> v8::Local<'s, v8::Value> {
    if !hex {
        return crate::fs::bytes_to_js(scope, bytes);
    }
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let text: Vec<u8> = bytes
        .iter()
        .flat_map(|b| [DIGITS[(b >> 4) as usize], DIGITS[(b & 15) as usize]])
        .collect();
    match v8::String::new_from_one_byte(scope, &text, v8::NewStringType::Normal) {
        Some(s) => s.into(),
        None => v8::undefined(scope).into(),
    }
}

/// Bytes of a string (as UTF-8, or as `encoding` from JS's Buffer when given a view) or a view.
fn bytes_of<'a>(
    scope: &mut v8::PinScope,
    value: v8::Local<'a, v8::Value>,
    text: &'a mut Vec<u8>,
) -> &'a [u8] {
    if value.is_array_buffer_view() {
        return crate::buffer::view_bytes(scope, value);
    }
    *text = value.to_rust_string_lossy(scope).into_bytes();
    text
}

fn xof_len(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Option<usize> {
    if value.is_number() {
        value.uint32_value(scope).map(|n| n as usize)
    } else {
        None
    }
}

/// `hashNew(name, outputLength?)` → id, or -1 for an unknown digest.
fn hash_new(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let name = args.get(0).to_rust_string_lossy(scope);
    let len = xof_len(scope, args.get(1));
    match new_state(&name, len) {
        Some(state) => rv.set_uint32(store(state)),
        None => rv.set_int32(-1),
    }
}

/// `hmacNew(name, key)` → id, or -1 for an unknown digest.
fn hmac_new(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let name = args.get(0).to_rust_string_lossy(scope);
    let mut text = Vec::new();
    let key = bytes_of(scope, args.get(1), &mut text).to_vec();
    match new_hmac(&name, &key) {
        Some(mac) => rv.set_uint32(store(State::Mac(mac))),
        None => rv.set_int32(-1),
    }
}

/// `hashUpdate(id, data)`: data is a view or a string (UTF-8; JS converts other encodings).
fn hash_update(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    let mut text = Vec::new();
    let data = args.get(1);
    let bytes = bytes_of(scope, data, &mut text);
    HASHES.with(|h| {
        if let Some(state) = h.borrow_mut().get_mut(&id) {
            state.update(bytes);
        }
    });
}

/// `hashDigest(id, hex?)` → Uint8Array, or a hex string when `hex`; the state is gone afterwards.
fn hash_digest(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    let hex = args.get(1).is_true();
    if let Some(state) = HASHES.with(|h| h.borrow_mut().remove(&id)) {
        let out = state.finish();
        rv.set(digest_to_js(scope, out, hex));
    }
}

/// `hashCopy(id, outputLength?)` → a new id in the same state.
fn hash_copy(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    let len = xof_len(scope, args.get(1));
    let copy = HASHES.with(|h| h.borrow().get(&id).map(State::copy));
    match copy {
        Some(mut state) => {
            if let (State::Xof(_, l), Some(len)) = (&mut state, len) {
                *l = len;
            }
            rv.set_uint32(store(state));
        }
        None => rv.set_int32(-1),
    }
}

/// `hashFree(id)`: drop a state that will not be digested.
fn hash_free(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    if let Some(id) = args.get(0).uint32_value(scope) {
        HASHES.with(|h| h.borrow_mut().remove(&id));
    }
}

/// `hashOnce(name, data, outputLength?, hex?)` → Uint8Array (a hex string when `hex`), or
/// undefined for an unknown digest (`crypto.hash()` and the common
/// createHash().update(x).digest() in one call). Short names and strings are read into stack
/// buffers: this runs once per digest of a short string, where allocations are the cost.
fn hash_once(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let mut name_buf = [std::mem::MaybeUninit::<u8>::uninit(); 32];
    let name = match v8::Local::<v8::String>::try_from(args.get(0)) {
        Ok(s) => s.to_rust_cow_lossy(scope, &mut name_buf),
        Err(_) => args.get(0).to_rust_string_lossy(scope).into(),
    };
    let len = xof_len(scope, args.get(2));
    let Some(mut state) = new_state(&name, len) else {
        return;
    };
    let data = args.get(1);
    let mut text_buf = [std::mem::MaybeUninit::<u8>::uninit(); 256];
    if let Ok(s) = v8::Local::<v8::String>::try_from(data) {
        let text = s.to_rust_cow_lossy(scope, &mut text_buf);
        state.update(text.as_bytes());
    } else {
        let mut text = Vec::new();
        state.update(bytes_of(scope, data, &mut text));
    }
    let out = state.finish();
    let hex = args.get(3).is_true();
    rv.set(digest_to_js(scope, out, hex));
}

fn hash_names(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let items: Vec<v8::Local<v8::Value>> =
        NAMES.iter().map(|n| js_string(scope, n).into()).collect();
    let arr = v8::Array::new_with_elements(scope, &items);
    rv.set(arr.into());
}

// ===== key derivation =====

fn pbkdf2(
    digest: &str,
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    keylen: usize,
) -> Option<Vec<u8>> {
    use hmac::SimpleHmac;
    let mut out = vec![0u8; keylen];
    macro_rules! run {
        ($t:ty) => {
            pbkdf2::pbkdf2::<SimpleHmac<$t>>(password, salt, iterations, &mut out).ok()?
        };
    }
    match canonical(digest)? {
        "md5" => run!(md5::Md5),
        "sha1" => run!(sha1::Sha1),
        "sha224" => run!(sha2::Sha224),
        "sha256" => run!(sha2::Sha256),
        "sha384" => run!(sha2::Sha384),
        "sha512" => run!(sha2::Sha512),
        "sha512-224" => run!(sha2::Sha512_224),
        "sha512-256" => run!(sha2::Sha512_256),
        "sha3-224" => run!(sha3::Sha3_224),
        "sha3-256" => run!(sha3::Sha3_256),
        "sha3-384" => run!(sha3::Sha3_384),
        "sha3-512" => run!(sha3::Sha3_512),
        "ripemd160" => run!(ripemd::Ripemd160),
        "blake2b512" => run!(blake2::Blake2b512),
        "blake2s256" => run!(blake2::Blake2s256),
        "sm3" => run!(sm3::Sm3),
        "whirlpool" => run!(whirlpool::Whirlpool),
        _ => return None,
    }
    Some(out)
}

fn hkdf(digest: &str, ikm: &[u8], salt: &[u8], info: &[u8], keylen: usize) -> Option<Vec<u8>> {
    let mut out = vec![0u8; keylen];
    macro_rules! run {
        ($t:ty) => {
            hkdf::SimpleHkdf::<$t>::new(Some(salt), ikm)
                .expand(info, &mut out)
                .ok()?
        };
    }
    match canonical(digest)? {
        "md5" => run!(md5::Md5),
        "sha1" => run!(sha1::Sha1),
        "sha224" => run!(sha2::Sha224),
        "sha256" => run!(sha2::Sha256),
        "sha384" => run!(sha2::Sha384),
        "sha512" => run!(sha2::Sha512),
        "sha512-224" => run!(sha2::Sha512_224),
        "sha512-256" => run!(sha2::Sha512_256),
        "sha3-224" => run!(sha3::Sha3_224),
        "sha3-256" => run!(sha3::Sha3_256),
        "sha3-384" => run!(sha3::Sha3_384),
        "sha3-512" => run!(sha3::Sha3_512),
        "ripemd160" => run!(ripemd::Ripemd160),
        "blake2b512" => run!(blake2::Blake2b512),
        "blake2s256" => run!(blake2::Blake2s256),
        "sm3" => run!(sm3::Sm3),
        "whirlpool" => run!(whirlpool::Whirlpool),
        _ => return None,
    }
    Some(out)
}

fn scrypt(password: &[u8], salt: &[u8], n: u64, r: u32, p: u32, keylen: usize) -> Option<Vec<u8>> {
    if n < 2 || !n.is_power_of_two() {
        return None;
    }
    let log_n = n.trailing_zeros() as u8;
    // Params only checks the length it is given (10..=64); scrypt() itself takes any output
    // length, as Node does.
    let params = scrypt::Params::new(log_n, r, p, keylen.clamp(10, 64)).ok()?;
    let mut out = vec![0u8; keylen];
    scrypt::scrypt(password, salt, &params, &mut out).ok()?;
    Some(out)
}

/// Run `job` now (no callback) or on the pool (`cb(err, bytes)`), and give back its bytes;
/// `undefined` (sync) or a null result (async) means the parameters were refused.
fn derive(
    scope: &mut v8::PinScope,
    cb: v8::Local<v8::Value>,
    rv: &mut v8::ReturnValue,
    job: impl FnOnce() -> Option<Vec<u8>> + Send + 'static,
) {
    let Ok(cb) = v8::Local::<v8::Function>::try_from(cb) else {
        if let Some(out) = job() {
            rv.set(crate::fs::bytes_to_js(scope, out));
        }
        return;
    };
    let cb = v8::Global::new(scope, cb);
    submit_work(
        scope,
        "crypto",
        job,
        move |scope, result: Result<Option<Vec<u8>>, JobPanic>| {
            let cb = v8::Local::new(scope, cb);
            let value: v8::Local<v8::Value> = match result {
                Ok(Some(out)) => crate::fs::bytes_to_js(scope, out),
                _ => v8::null(scope).into(),
            };
            call_function(scope, cb, &[value]);
        },
    );
}

fn owned(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Vec<u8> {
    let mut text = Vec::new();
    bytes_of(scope, value, &mut text).to_vec()
}

/// `pbkdf2(password, salt, iterations, keylen, digest, cb?)`.
fn pbkdf2_js(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let password = owned(scope, args.get(0));
    let salt = owned(scope, args.get(1));
    let iterations = args.get(2).uint32_value(scope).unwrap_or(1);
    let keylen = args.get(3).uint32_value(scope).unwrap_or(0) as usize;
    let digest = args.get(4).to_rust_string_lossy(scope);
    derive(scope, args.get(5), &mut rv, move || {
        pbkdf2(&digest, &password, &salt, iterations, keylen)
    });
}

/// `hkdf(digest, ikm, salt, info, keylen, cb?)`.
fn hkdf_js(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let digest = args.get(0).to_rust_string_lossy(scope);
    let ikm = owned(scope, args.get(1));
    let salt = owned(scope, args.get(2));
    let info = owned(scope, args.get(3));
    let keylen = args.get(4).uint32_value(scope).unwrap_or(0) as usize;
    derive(scope, args.get(5), &mut rv, move || {
        hkdf(&digest, &ikm, &salt, &info, keylen)
    });
}

/// `scrypt(password, salt, N, r, p, keylen, cb?)` (JS checks maxmem).
fn scrypt_js(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let password = owned(scope, args.get(0));
    let salt = owned(scope, args.get(1));
    let n = args.get(2).number_value(scope).unwrap_or(0.0) as u64;
    let r = args.get(3).uint32_value(scope).unwrap_or(8);
    let p = args.get(4).uint32_value(scope).unwrap_or(1);
    let keylen = args.get(5).uint32_value(scope).unwrap_or(0) as usize;
    derive(scope, args.get(6), &mut rv, move || {
        scrypt(&password, &salt, n, r, p, keylen)
    });
}

/// `timingSafeEqual(a, b)` for views of equal length (JS checks the lengths).
fn timing_safe_equal(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let a = crate::buffer::view_bytes(scope, args.get(0)).to_vec();
    let b = crate::buffer::view_bytes(scope, args.get(1));
    if a.len() != b.len() {
        rv.set_bool(false);
        return;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (*x ^ *y));
    rv.set_bool(diff == 0);
}
