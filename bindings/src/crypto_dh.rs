//! Finite-field Diffie-Hellman for crypto.createDiffieHellman/getDiffieHellman
//! (stdlib-js/lib/internal/crypto/dh.js): safe-prime generation, OpenSSL's DH_check flags, key
//! pairs and shared secrets, on num-bigint-dig (the rsa crate's big integers). Also
//! crypto.generatePrime/checkPrime (internal/crypto/random.js), on the pool with a callback.
//! Numbers cross as big-endian bytes.

use eddy_runtime::{set_fn, v8};
use num_bigint_dig::{BigUint, RandBigInt, prime::probably_prime};
use rand_core::OsRng;

use crate::crypto_err::CryptoError;
use crate::crypto_keyobj::{arg_bytes, opt_bytes};
use crate::crypto_sign::{bool_js, bytes_js, run};

pub(crate) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "dhGeneratePrime", dh_generate_prime);
    set_fn(scope, target, "dhCheck", dh_check);
    set_fn(scope, target, "dhKeys", dh_keys);
    set_fn(scope, target, "dhSecret", dh_secret);
    set_fn(scope, target, "primeGenerate", prime_generate);
    set_fn(scope, target, "primeCheck", prime_check);
}

const ROUNDS: usize = 20;

/// The odd primes below 16384, for sieving candidates.
fn small_primes() -> Vec<u32> {
    let mut out = Vec::new();
    for n in (3u32..16384).step_by(2) {
        if out.iter().take_while(|p| *p * *p <= n).all(|p| n % p != 0) {
            out.push(n);
        }
    }
    out
}

/// A safe prime p = 2q + 1 of `bits` bits (OpenSSL's DH parameter generation). Candidates for
/// q walk up by 2 from a random start; a sieve of small primes drops those where q or 2q + 1
/// has a small factor before any Miller-Rabin test runs.
pub(crate) fn safe_prime(bits: usize) -> BigUint {
    let primes = small_primes();
    let mut rng = OsRng;
    'fresh: loop {
        let top = BigUint::from(1u8) << (bits - 2);
        let mut q = rng.gen_biguint(bits - 1) | top | BigUint::from(1u8);
        let mut residues: Vec<u32> = primes
            .iter()
            .map(|p| {
                let r = &q % BigUint::from(*p);
                r.to_bytes_be()
                    .iter()
                    .fold(0u32, |acc, b| (acc << 8) | *b as u32)
            })
            .collect();
        for _ in 0..(1 << 16) {
            // q ≡ 0 or 2q + 1 ≡ 0 (q ≡ (p - 1) / 2) modulo a small prime rules q out.
            let sieved = primes
                .iter()
                .zip(&residues)
                .all(|(p, r)| *r != 0 && *r != (p - 1) / 2);
            if sieved && q.bits() == bits - 1 {
                let p = (&q << 1usize) + BigUint::from(1u8);
                // One base-2 Fermat test on p throws out nearly every composite at the cost
                // of a single modpow; the full tests run on the few that pass.
                let two = BigUint::from(2u8);
                let fermat = two.modpow(&(&p - BigUint::from(1u8)), &p) == BigUint::from(1u8);
                if fermat && probably_prime(&q, ROUNDS) && probably_prime(&p, ROUNDS) {
                    return p;
                }
            }
            q += BigUint::from(2u8);
            for (r, p) in residues.iter_mut().zip(&primes) {
                // r < p, so one subtraction keeps it reduced (no division per step).
                *r += 2;
                if *r >= *p {
                    *r -= *p;
                }
            }
            if q.bits() != bits - 1 {
                continue 'fresh;
            }
        }
    }
}

/// `dhGeneratePrime(bits)` → a safe prime (JS refuses sizes OpenSSL would).
fn dh_generate_prime(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let bits = args.get(0).uint32_value(scope).unwrap_or(0) as usize;
    if !(3..=16384).contains(&bits) {
        return;
    }
    rv.set(bytes_js(scope, safe_prime(bits).to_bytes_be()));
}

/// DH_check's flags for (p, g): 1 p not prime, 2 p not a safe prime, 8 unsuitable generator,
/// 0x80 modulus too small, 0x100 modulus too large.
fn check(p: &BigUint, g: &BigUint) -> u32 {
    let mut flags = 0;
    let bits = p.bits();
    if bits < 512 {
        flags |= 0x80;
    }
    if bits > 10000 {
        flags |= 0x100;
    }
    let one = BigUint::from(1u8);
    if g <= &one || (p > &one && g >= &(p - &one)) {
        flags |= 8;
    }
    if !probably_prime(p, ROUNDS) {
        flags |= 1;
    } else if p > &one && !probably_prime(&((p - &one) >> 1usize), ROUNDS) {
        flags |= 2;
    }
    flags
}

fn dh_check(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let p = BigUint::from_bytes_be(&arg_bytes(scope, args.get(0)));
    let g = BigUint::from_bytes_be(&arg_bytes(scope, args.get(1)));
    rv.set_uint32(check(&p, &g));
}

/// `dhKeys(p, g, priv?)` → [priv, pub]; a missing private key is drawn with bits(p) - 1 bits.
fn dh_keys(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let p = BigUint::from_bytes_be(&arg_bytes(scope, args.get(0)));
    let g = BigUint::from_bytes_be(&arg_bytes(scope, args.get(1)));
    if p.bits() == 0 {
        return;
    }
    let x = if args.get(2).is_array_buffer_view() {
        BigUint::from_bytes_be(&arg_bytes(scope, args.get(2)))
    } else {
        let bits = p.bits().saturating_sub(1).max(1);
        loop {
            let x = OsRng.gen_biguint(bits);
            if x.bits() != 0 {
                break x;
            }
        }
    };
    let y = g.modpow(&x, &p);
    let priv_js = bytes_js(scope, x.to_bytes_be());
    let pub_js = bytes_js(scope, y.to_bytes_be());
    rv.set(v8::Array::new_with_elements(scope, &[priv_js, pub_js]).into());
}

/// `dhSecret(p, priv, peer)` → the secret, left-padded to the prime's size; -1 when the peer's
/// key is too small (≤ 1), -2 when too large (≥ p - 1).
fn dh_secret(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let p_bytes = arg_bytes(scope, args.get(0));
    let p = BigUint::from_bytes_be(&p_bytes);
    let x = BigUint::from_bytes_be(&arg_bytes(scope, args.get(1)));
    let y = BigUint::from_bytes_be(&arg_bytes(scope, args.get(2)));
    let one = BigUint::from(1u8);
    if y <= one || p.bits() == 0 {
        rv.set_int32(-1);
        return;
    }
    if y >= &p - &one {
        rv.set_int32(-2);
        return;
    }
    let s = y.modpow(&x, &p).to_bytes_be();
    let len = p.bits().div_ceil(8);
    let mut out = vec![0u8; len.saturating_sub(s.len())];
    out.extend(s);
    rv.set(bytes_js(scope, out));
}

// ===== generatePrime / checkPrime =====

/// A random prime of exactly `bits` bits (OpenSSL sets the top two bits, so 3 bits give 7);
/// with `add`, one that is `rem` modulo `add` (`rem` defaulting to 1, or 3 for a safe prime);
/// `safe` also wants (p - 1) / 2 prime. None when no such prime exists in range.
fn random_prime(
    bits: usize,
    safe: bool,
    add: Option<&BigUint>,
    rem: Option<&BigUint>,
) -> Option<BigUint> {
    let one = BigUint::from(1u8);
    let two = BigUint::from(2u8);
    let is_prime = |p: &BigUint| {
        probably_prime(p, ROUNDS) && (!safe || probably_prime(&((p - &one) >> 1usize), ROUNDS))
    };
    let low = &one << (bits - 1);
    let high = &one << bits;
    let mut rng = OsRng;
    match add {
        None => {
            if safe && bits >= 64 {
                return Some(safe_prime(bits));
            }
            let top = if bits >= 2 {
                &low | (&one << (bits - 2))
            } else {
                low.clone()
            };
            loop {
                let mut p = rng.gen_biguint(bits) | &top | &one;
                while p < high {
                    if is_prime(&p) {
                        return Some(p);
                    }
                    p += &two;
                }
            }
        }
        Some(add) => {
            let default_rem = BigUint::from(if safe { 3u8 } else { 1u8 });
            let rem = rem.unwrap_or(&default_rem);
            // p = rem + k * add within [low, high): k runs over [first, last].
            let first = if low > *rem {
                (&low - rem + add - &one) / add
            } else {
                BigUint::from(0u8)
            };
            if &high <= rem {
                return None;
            }
            let last = (&high - &one - rem) / add;
            if first > last {
                return None;
            }
            let count = &last - &first + &one;
            let start = rng.gen_biguint_below(&count);
            let mut k = start.clone();
            loop {
                let p = rem + (&first + &k) * add;
                if p > one && is_prime(&p) {
                    return Some(p);
                }
                k += &one;
                if k == count {
                    k = BigUint::from(0u8);
                }
                if k == start {
                    return None;
                }
            }
        }
    }
}

/// `primeGenerate(bits, safe, add?, rem?, cb?)` → the prime's bytes. JS has refused an `add`
/// wider than `bits` and a `rem` not below `add` (Node's range errors).
fn prime_generate(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let bits = args.get(0).uint32_value(scope).unwrap_or(0) as usize;
    let safe = args.get(1).is_true();
    let add = opt_bytes(scope, args.get(2)).map(|b| BigUint::from_bytes_be(&b));
    let rem = opt_bytes(scope, args.get(3)).map(|b| BigUint::from_bytes_be(&b));
    let unmeetable = add
        .as_ref()
        .is_some_and(|a| a.bits() > bits || a.bits() == 0 || rem.as_ref().is_some_and(|r| r >= a));
    if unmeetable || bits < 2 {
        return CryptoError::Coded("ERR_OUT_OF_RANGE", "invalid options".into()).throw(scope);
    }
    let cb = args.get(4);
    run(
        scope,
        cb,
        &mut rv,
        move || {
            random_prime(bits, safe, add.as_ref(), rem.as_ref())
                .map(|p| p.to_bytes_be())
                .ok_or_else(|| CryptoError::Plain("Prime generation failed".into()))
        },
        bytes_js,
    );
}

/// `primeCheck(bytes, checks, cb?)` → whether the big-endian number is (probably) prime.
fn prime_check(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let n = BigUint::from_bytes_be(&arg_bytes(scope, args.get(0)));
    let checks = args.get(1).uint32_value(scope).unwrap_or(0) as usize;
    let rounds = if checks == 0 {
        ROUNDS
    } else {
        checks.min(1000)
    };
    let cb = args.get(2);
    run(
        scope,
        cb,
        &mut rv,
        move || Ok(probably_prime(&n, rounds)),
        bool_js,
    );
}
