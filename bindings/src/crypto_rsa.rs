//! RSA paddings over the rsa crate's raw operations (its `hazmat` module): PKCS#1 v1.5
//! signatures with any DigestInfo, PSS with its own MGF1 digest and salt-length recovery, OAEP
//! with a binary label, PKCS#1 v1.5 and no-padding encryption both ways. The crate's own
//! padding types fix the MGF1 digest to the message digest, the OAEP label to UTF-8 and the PSS
//! salt length on verification, none of which Node does.

use digest::DynDigest;
use num_bigint_dig::BigUint;
use rand_core::{OsRng, RngCore};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, RsaPublicKey};

use crate::crypto_err::{CryptoError, ossl};
use crate::crypto_keys::DIGEST_OIDS;

// ===== digests =====

/// A fresh hasher for Node's canonical digest name.
pub(crate) fn dyn_digest(name: &str) -> Option<Box<dyn DynDigest + Send + Sync>> {
    Some(match name {
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
        _ => return None,
    })
}

/// The digest of `parts` concatenated.
pub(crate) fn hash(name: &str, parts: &[&[u8]]) -> Option<Vec<u8>> {
    let mut d = dyn_digest(name)?;
    for p in parts {
        d.update(p);
    }
    Some(d.finalize().to_vec())
}

fn digest_len(name: &str) -> Option<usize> {
    Some(dyn_digest(name)?.output_size())
}

/// MGF1 (RFC 8017 B.2.1) XORed into `out`.
fn mgf1_xor(out: &mut [u8], seed: &[u8], digest: &str) -> Option<()> {
    let mut counter = 0u32;
    let mut pos = 0;
    while pos < out.len() {
        let block = hash(digest, &[seed, &counter.to_be_bytes()])?;
        for b in block {
            if pos == out.len() {
                break;
            }
            out[pos] ^= b;
            pos += 1;
        }
        counter += 1;
    }
    Some(())
}

// ===== raw operations =====

fn key_len(n: &BigUint) -> usize {
    n.bits().div_ceil(8)
}

fn left_pad(bytes: Vec<u8>, len: usize) -> Vec<u8> {
    if bytes.len() >= len {
        return bytes;
    }
    let mut out = vec![0u8; len - bytes.len()];
    out.extend(bytes);
    out
}

/// m^e mod n as `k` bytes; `m` must be below n.
fn raw_public(key: &RsaPublicKey, m: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let m = BigUint::from_bytes_be(m);
    if &m >= key.n() {
        return Err(ossl::DATA_TOO_LARGE_FOR_MODULUS);
    }
    let c = rsa::hazmat::rsa_encrypt(key, &m).map_err(|_| ossl::DATA_TOO_LARGE_FOR_MODULUS)?;
    Ok(left_pad(c.to_bytes_be(), key_len(key.n())))
}

/// c^d mod n (blinded, result checked) as `k` bytes.
fn raw_private(key: &RsaPrivateKey, c: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let c = BigUint::from_bytes_be(c);
    if &c >= key.n() {
        return Err(ossl::DATA_TOO_LARGE_FOR_MODULUS);
    }
    let m = rsa::hazmat::rsa_decrypt_and_check(key, Some(&mut OsRng), &c)
        .map_err(|_| ossl::DATA_TOO_LARGE_FOR_MODULUS)?;
    Ok(left_pad(m.to_bytes_be(), key_len(key.n())))
}

// ===== PKCS#1 v1.5 signatures =====

/// DER DigestInfo { AlgorithmIdentifier { oid, NULL }, OCTET STRING digest }.
fn digest_info(name: &str, digest: &[u8]) -> Option<Vec<u8>> {
    use der::Encode;
    let oid = DIGEST_OIDS.iter().find(|(n, _)| *n == name)?.1;
    let oid = der::asn1::ObjectIdentifier::new(oid).ok()?.to_der().ok()?;
    let alg_len = oid.len() + 2;
    let mut out = vec![
        0x30,
        (alg_len + 2 + 2 + digest.len()) as u8,
        0x30,
        alg_len as u8,
    ];
    out.extend(oid);
    out.extend([0x05, 0x00, 0x04, digest.len() as u8]);
    out.extend(digest);
    Some(out)
}

/// EMSA-PKCS1-v1_5 block type 1 around `t` for a `k`-byte modulus.
fn pad_type1(t: &[u8], k: usize) -> Result<Vec<u8>, CryptoError> {
    if t.len() + 11 > k {
        return Err(ossl::DATA_TOO_LARGE_FOR_KEY);
    }
    let mut em = vec![0xffu8; k];
    em[0] = 0;
    em[1] = 1;
    em[k - t.len() - 1] = 0;
    em[k - t.len()..].copy_from_slice(t);
    Ok(em)
}

pub(crate) fn pkcs1_sign(
    key: &RsaPrivateKey,
    digest: &str,
    hashed: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let t = digest_info(digest, hashed).ok_or(ossl::INVALID_DIGEST)?;
    let em = pad_type1(&t, key_len(key.n())).map_err(|_| ossl::DIGEST_TOO_BIG)?;
    raw_private(key, &em)
}

pub(crate) fn pkcs1_verify(key: &RsaPublicKey, digest: &str, hashed: &[u8], sig: &[u8]) -> bool {
    let k = key_len(key.n());
    if sig.len() != k {
        return false;
    }
    let Some(t) = digest_info(digest, hashed) else {
        return false;
    };
    match (raw_public(key, sig), pad_type1(&t, k)) {
        (Ok(em), Ok(expected)) => em == expected,
        _ => false,
    }
}

// ===== PSS =====

/// The largest salt a `mod_bits` key takes with an `h_len` digest.
pub(crate) fn pss_max_salt(mod_bits: usize, h_len: usize) -> usize {
    let em_len = (mod_bits - 1).div_ceil(8);
    em_len.saturating_sub(h_len + 2)
}

pub(crate) fn pss_sign(
    key: &RsaPrivateKey,
    digest: &str,
    mgf: &str,
    salt_len: usize,
    hashed: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let h_len = digest_len(digest).ok_or(ossl::INVALID_DIGEST)?;
    let em_bits = key.n().bits() - 1;
    let em_len = em_bits.div_ceil(8);
    if em_len < h_len + salt_len + 2 {
        return Err(ossl::DATA_TOO_LARGE_FOR_KEY);
    }
    let mut salt = vec![0u8; salt_len];
    OsRng.fill_bytes(&mut salt);
    let h = hash(digest, &[&[0u8; 8], hashed, &salt]).ok_or(ossl::INVALID_DIGEST)?;
    let mut db = vec![0u8; em_len - h_len - 1];
    let ps_len = em_len - salt_len - h_len - 2;
    db[ps_len] = 1;
    db[ps_len + 1..].copy_from_slice(&salt);
    mgf1_xor(&mut db, &h, mgf).ok_or(ossl::INVALID_DIGEST)?;
    db[0] &= 0xff >> (8 * em_len - em_bits);
    let mut em = db;
    em.extend(h);
    em.push(0xbc);
    raw_private(key, &em)
}

/// Verify a PSS signature; `salt_len` None recovers it from the signature.
pub(crate) fn pss_verify(
    key: &RsaPublicKey,
    digest: &str,
    mgf: &str,
    salt_len: Option<usize>,
    hashed: &[u8],
    sig: &[u8],
) -> bool {
    let k = key_len(key.n());
    let (Some(h_len), true) = (digest_len(digest), sig.len() == k) else {
        return false;
    };
    let Ok(m) = raw_public(key, sig) else {
        return false;
    };
    let em_bits = key.n().bits() - 1;
    let em_len = em_bits.div_ceil(8);
    // With emBits a multiple of 8, EM is one byte shorter than the modulus; that byte is zero.
    if m.len() < em_len || m[..m.len() - em_len].iter().any(|b| *b != 0) {
        return false;
    }
    let em = &m[m.len() - em_len..];
    if em_len < h_len + 2 || em[em_len - 1] != 0xbc {
        return false;
    }
    let (masked, rest) = em.split_at(em_len - h_len - 1);
    let h = &rest[..h_len];
    let top_mask = 0xffu8 >> (8 * em_len - em_bits);
    if masked[0] & !top_mask != 0 {
        return false;
    }
    let mut db = masked.to_vec();
    if mgf1_xor(&mut db, h, mgf).is_none() {
        return false;
    }
    db[0] &= top_mask;
    let Some(one) = db.iter().position(|b| *b != 0) else {
        return false;
    };
    if db[one] != 1 {
        return false;
    }
    let salt = &db[one + 1..];
    if salt_len.is_some_and(|s| s != salt.len()) {
        return false;
    }
    hash(digest, &[&[0u8; 8], hashed, salt]).is_some_and(|h2| h2 == h)
}

// ===== encryption =====

pub(crate) const NO_PADDING: u32 = 3;
pub(crate) const PKCS1_PADDING: u32 = 1;
pub(crate) const OAEP_PADDING: u32 = 4;
pub(crate) const PSS_PADDING: u32 = 6;

fn oaep_encode(k: usize, digest: &str, label: &[u8], msg: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let h_len = digest_len(digest).ok_or(ossl::INVALID_DIGEST)?;
    if k < 2 * h_len + 2 || msg.len() > k - 2 * h_len - 2 {
        return Err(ossl::DATA_TOO_LARGE_FOR_KEY);
    }
    let l_hash = hash(digest, &[label]).ok_or(ossl::INVALID_DIGEST)?;
    let mut db = l_hash;
    db.resize(k - msg.len() - h_len - 2, 0);
    db.push(1);
    db.extend(msg);
    let mut seed = vec![0u8; h_len];
    OsRng.fill_bytes(&mut seed);
    mgf1_xor(&mut db, &seed, digest).ok_or(ossl::INVALID_DIGEST)?;
    mgf1_xor(&mut seed, &db, digest).ok_or(ossl::INVALID_DIGEST)?;
    let mut em = vec![0u8];
    em.extend(seed);
    em.extend(db);
    Ok(em)
}

/// OAEP decoding; every check is folded into one flag so a bad block takes the same path.
fn oaep_decode(em: &[u8], digest: &str, label: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let h_len = digest_len(digest).ok_or(ossl::INVALID_DIGEST)?;
    let k = em.len();
    if k < 2 * h_len + 2 {
        return Err(ossl::OAEP_DECODING);
    }
    let l_hash = hash(digest, &[label]).ok_or(ossl::INVALID_DIGEST)?;
    let mut seed = em[1..1 + h_len].to_vec();
    let mut db = em[1 + h_len..].to_vec();
    mgf1_xor(&mut seed, &db, digest).ok_or(ossl::INVALID_DIGEST)?;
    mgf1_xor(&mut db, &seed, digest).ok_or(ossl::INVALID_DIGEST)?;
    let mut bad = em[0];
    for (a, b) in db[..h_len].iter().zip(&l_hash) {
        bad |= a ^ b;
    }
    let mut found = 0usize;
    let mut looking = 1u8;
    for (i, b) in db[h_len..].iter().enumerate() {
        let is_one = (*b == 1) as u8;
        let is_zero = (*b == 0) as u8;
        found |= i * (looking & is_one) as usize;
        // A byte that is neither zero nor one before the separator is an error.
        bad |= looking & (1 - is_one) & (1 - is_zero);
        looking &= 1 - is_one;
    }
    bad |= looking;
    if bad != 0 {
        return Err(ossl::OAEP_DECODING);
    }
    Ok(db[h_len + found + 1..].to_vec())
}

/// publicEncrypt: `padding` is Node's constant; `digest` and `label` are for OAEP.
pub(crate) fn public_encrypt(
    key: &RsaPublicKey,
    padding: u32,
    digest: &str,
    label: &[u8],
    msg: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let k = key_len(key.n());
    let em = match padding {
        OAEP_PADDING => oaep_encode(k, digest, label, msg)?,
        PKCS1_PADDING => {
            if msg.len() + 11 > k {
                return Err(ossl::DATA_TOO_LARGE_FOR_KEY);
            }
            let mut em = vec![0u8; k];
            em[1] = 2;
            let ps = &mut em[2..k - msg.len() - 1];
            for b in ps.iter_mut() {
                while *b == 0 {
                    let mut one = [0u8; 1];
                    OsRng.fill_bytes(&mut one);
                    *b = one[0];
                }
            }
            em[k - msg.len()..].copy_from_slice(msg);
            em
        }
        NO_PADDING => {
            if msg.len() != k {
                return Err(if msg.len() > k {
                    ossl::DATA_TOO_LARGE_FOR_KEY
                } else {
                    ossl::DATA_TOO_SMALL_FOR_KEY
                });
            }
            msg.to_vec()
        }
        _ => return Err(ossl::UNKNOWN_PADDING_TYPE),
    };
    raw_public(key, &em)
}

/// privateDecrypt (JS refuses PKCS#1 v1.5 here, as Node 20 does since CVE-2023-46809).
pub(crate) fn private_decrypt(
    key: &RsaPrivateKey,
    padding: u32,
    digest: &str,
    label: &[u8],
    ct: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let k = key_len(key.n());
    if ct.len() > k {
        return Err(ossl::DATA_GREATER_THAN_MOD_LEN);
    }
    let em = raw_private(key, &left_pad(ct.to_vec(), k))?;
    match padding {
        OAEP_PADDING => oaep_decode(&em, digest, label),
        NO_PADDING => Ok(em),
        PKCS1_PADDING => {
            if em[0] != 0 || em[1] != 2 {
                return Err(ossl::PKCS_DECODING);
            }
            let zero = em[2..]
                .iter()
                .position(|b| *b == 0)
                .ok_or(ossl::PKCS_DECODING)?;
            if zero < 8 {
                return Err(ossl::PKCS_DECODING);
            }
            Ok(em[2 + zero + 1..].to_vec())
        }
        _ => Err(ossl::UNKNOWN_PADDING_TYPE),
    }
}

/// privateEncrypt: a raw signature over `msg` (type-1 padding, or none).
pub(crate) fn private_encrypt(
    key: &RsaPrivateKey,
    padding: u32,
    msg: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let k = key_len(key.n());
    let em = match padding {
        PKCS1_PADDING => pad_type1(msg, k)?,
        NO_PADDING if msg.len() == k => msg.to_vec(),
        NO_PADDING if msg.len() > k => return Err(ossl::DATA_TOO_LARGE_FOR_KEY),
        NO_PADDING => return Err(ossl::DATA_TOO_SMALL_FOR_KEY),
        _ => return Err(ossl::UNKNOWN_PADDING_TYPE),
    };
    raw_private(key, &em)
}

/// publicDecrypt: recover what privateEncrypt padded.
pub(crate) fn public_decrypt(
    key: &RsaPublicKey,
    padding: u32,
    ct: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let k = key_len(key.n());
    if ct.len() > k {
        return Err(ossl::DATA_GREATER_THAN_MOD_LEN);
    }
    let em = raw_public(key, &left_pad(ct.to_vec(), k))?;
    match padding {
        NO_PADDING => Ok(em),
        PKCS1_PADDING => {
            if em[0] != 0 || em[1] != 1 {
                return Err(ossl::INVALID_PADDING);
            }
            let mut i = 2;
            while i < k && em[i] == 0xff {
                i += 1;
            }
            if i == k || em[i] != 0 || i < 10 {
                return Err(ossl::INVALID_PADDING);
            }
            Ok(em[i + 1..].to_vec())
        }
        _ => Err(ossl::UNKNOWN_PADDING_TYPE),
    }
}
