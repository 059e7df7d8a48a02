//! Passphrase-protected private keys: PKCS#8 PBES2 (PBKDF2-HMAC-SHA256, as OpenSSL 3 writes it)
//! and the traditional RFC 1421 PEM encryption OpenSSL still uses for pkcs1/sec1 keys
//! (`Proc-Type: 4,ENCRYPTED` / `DEK-Info`, key from EVP_BytesToKey with MD5).

use cipher::{BlockDecryptMut, BlockEncryptMut, KeyInit, KeyIvInit, block_padding::Pkcs7};
use der::Encode;
use digest::Digest;

use crate::crypto_err::CryptoError;

/// Node's error for a cipher name it does not know.
fn unknown_cipher() -> CryptoError {
    CryptoError::Coded("ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher".into())
}

fn random<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    let _ = crate::crypto::fill_random(&mut out);
    out
}

/// A PKCS#8 EncryptedPrivateKeyInfo of `plain` under `cipher`.
pub(crate) fn encrypt_pkcs8(
    cipher: &str,
    pass: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let salt: [u8; 16] = random();
    let iv16: [u8; 16] = random();
    let iv8: [u8; 8] = random();
    let encryption = match cipher.to_ascii_lowercase().as_str() {
        "aes-128-cbc" | "aes128" => pkcs5::pbes2::EncryptionScheme::Aes128Cbc { iv: &iv16 },
        "aes-192-cbc" | "aes192" => pkcs5::pbes2::EncryptionScheme::Aes192Cbc { iv: &iv16 },
        "aes-256-cbc" | "aes256" => pkcs5::pbes2::EncryptionScheme::Aes256Cbc { iv: &iv16 },
        "des-ede3-cbc" | "des3" => pkcs5::pbes2::EncryptionScheme::DesEde3Cbc { iv: &iv8 },
        _ => return encrypt_pkcs8_ecb(cipher, pass, plain).ok_or_else(unknown_cipher),
    };
    let kdf =
        pkcs5::pbes2::Pbkdf2Params::hmac_with_sha256(2048, &salt).map_err(|_| unknown_cipher())?;
    let params = pkcs5::pbes2::Parameters {
        kdf: kdf.into(),
        encryption,
    };
    let data = params.encrypt(pass, plain).map_err(|_| unknown_cipher())?;
    let info = pkcs8::EncryptedPrivateKeyInfo {
        encryption_algorithm: pkcs5::EncryptionScheme::Pbes2(params),
        encrypted_data: &data,
    };
    info.to_der().map_err(|_| unknown_cipher())
}

/// EVP_BytesToKey with MD5 and one round: D_i = MD5(D_{i-1} || pass || salt).
fn bytes_to_key(pass: &[u8], salt: &[u8], len: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev: Vec<u8> = Vec::new();
    while out.len() < len {
        let mut h = md5::Md5::new();
        h.update(&prev);
        h.update(pass);
        h.update(salt);
        prev = h.finalize().to_vec();
        out.extend_from_slice(&prev);
    }
    out.truncate(len);
    out
}

/// (key length, IV length) of the ciphers OpenSSL writes traditional PEM with.
fn cipher_sizes(cipher: &str) -> Option<(usize, usize)> {
    Some(match cipher {
        "aes-128-cbc" => (16, 16),
        "aes-192-cbc" => (24, 16),
        "aes-256-cbc" => (32, 16),
        "des-ede3-cbc" => (24, 8),
        _ => return None,
    })
}

fn run(cipher: &str, key: &[u8], iv: &[u8], data: &[u8], enc: bool) -> Option<Vec<u8>> {
    macro_rules! go {
        ($c:ty) => {
            if enc {
                let mut buf = data.to_vec();
                buf.resize(data.len() + 16, 0);
                let len = cbc::Encryptor::<$c>::new_from_slices(key, iv)
                    .ok()?
                    .encrypt_padded_mut::<Pkcs7>(&mut buf, data.len())
                    .ok()?
                    .len();
                buf.truncate(len);
                Some(buf)
            } else {
                let mut buf = data.to_vec();
                let len = cbc::Decryptor::<$c>::new_from_slices(key, iv)
                    .ok()?
                    .decrypt_padded_mut::<Pkcs7>(&mut buf)
                    .ok()?
                    .len();
                buf.truncate(len);
                Some(buf)
            }
        };
    }
    match cipher {
        "aes-128-cbc" => go!(aes::Aes128),
        "aes-192-cbc" => go!(aes::Aes192),
        "aes-256-cbc" => go!(aes::Aes256),
        "des-ede3-cbc" => go!(des::TdesEde3),
        _ => None,
    }
}

/// Decrypt a traditional PEM body (`cipher` from DEK-Info, lower-cased).
pub(crate) fn decrypt(cipher: &str, pass: &[u8], iv: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    let (key_len, iv_len) = cipher_sizes(cipher)?;
    if iv.len() != iv_len {
        return None;
    }
    let key = bytes_to_key(pass, &iv[..8], key_len);
    run(cipher, &key, iv, data, false)
}

/// PEM encapsulated headers, in order.
pub(crate) type PemHeaders = Vec<(&'static str, String)>;

/// Encrypt a traditional PEM body: its headers and the ciphertext.
pub(crate) fn encrypt(
    cipher: &str,
    pass: &[u8],
    data: &[u8],
) -> Result<(PemHeaders, Vec<u8>), CryptoError> {
    let cipher = cipher.to_ascii_lowercase();
    let (key_len, iv_len) = cipher_sizes(&cipher).ok_or_else(unknown_cipher)?;
    let iv_full: [u8; 16] = random();
    let iv = &iv_full[..iv_len];
    let key = bytes_to_key(pass, &iv[..8], key_len);
    let out = run(&cipher, &key, iv, data, true).ok_or_else(unknown_cipher)?;
    let iv_hex: String = iv.iter().map(|b| format!("{b:02X}")).collect();
    let headers = vec![
        ("Proc-Type", "4,ENCRYPTED".to_string()),
        (
            "DEK-Info",
            format!("{},{iv_hex}", cipher.to_ascii_uppercase()),
        ),
    ];
    Ok((headers, out))
}

// ===== PKCS#8 PBES2 with AES in ECB mode =====
// The pkcs5 crate knows only the CBC schemes, but OpenSSL (and so Node) also writes and reads
// PBES2 with AES-ECB (`cipher: 'aes-128-ecb'`): PBKDF2-HMAC-SHA256 derives the key, there is no
// IV, and the encryption scheme's AlgorithmIdentifier carries no parameters.

const OID_PBES2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d];
const OID_PBKDF2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c];
const OID_HMAC_SHA1: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x07];
const OID_HMAC_SHA256: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09];
const OID_AES_ECB: [(&str, &[u8], usize); 3] = [
    (
        "aes-128-ecb",
        &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x01],
        16,
    ),
    (
        "aes-192-ecb",
        &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x15],
        24,
    ),
    (
        "aes-256-ecb",
        &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x29],
        32,
    ),
];
const PBKDF2_ROUNDS: u32 = 2048;

fn tlv(tag: u8, parts: &[&[u8]]) -> Vec<u8> {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let mut out = vec![tag];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    for p in parts {
        out.extend_from_slice(p);
    }
    out
}

/// One DER element: (tag, content, the bytes after it).
fn read_tlv(data: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = data.split_first()?;
    let (&first, mut rest) = rest.split_first()?;
    let len = if first < 0x80 {
        first as usize
    } else {
        let n = (first & 0x7f) as usize;
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | *b as usize);
        rest = &rest[n..];
        len
    };
    if rest.len() < len {
        return None;
    }
    Some((tag, &rest[..len], &rest[len..]))
}

fn ecb_cipher(name: &str) -> Option<(&'static [u8], usize)> {
    OID_AES_ECB
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, oid, len)| (*oid, *len))
}

fn aes_ecb(key: &[u8], data: &[u8], enc: bool) -> Option<Vec<u8>> {
    macro_rules! go {
        ($c:ty) => {{
            let mut buf = data.to_vec();
            if enc {
                buf.resize(data.len() + 16, 0);
                let len = ecb::Encryptor::<$c>::new_from_slice(key)
                    .ok()?
                    .encrypt_padded_mut::<Pkcs7>(&mut buf, data.len())
                    .ok()?
                    .len();
                buf.truncate(len);
            } else {
                let len = ecb::Decryptor::<$c>::new_from_slice(key)
                    .ok()?
                    .decrypt_padded_mut::<Pkcs7>(&mut buf)
                    .ok()?
                    .len();
                buf.truncate(len);
            }
            Some(buf)
        }};
    }
    match key.len() {
        16 => go!(aes::Aes128),
        24 => go!(aes::Aes192),
        32 => go!(aes::Aes256),
        _ => None,
    }
}

/// An EncryptedPrivateKeyInfo of `plain` under PBES2 with AES-ECB, or None when `cipher` is
/// not one of those.
pub(crate) fn encrypt_pkcs8_ecb(cipher: &str, pass: &[u8], plain: &[u8]) -> Option<Vec<u8>> {
    let (oid, key_len) = ecb_cipher(&cipher.to_ascii_lowercase())?;
    let salt: [u8; 16] = random();
    let mut key = vec![0u8; key_len];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(pass, &salt, PBKDF2_ROUNDS, &mut key);
    let data = aes_ecb(&key, plain, true)?;
    let rounds = PBKDF2_ROUNDS.to_be_bytes();
    let prf = tlv(0x30, &[&tlv(0x06, &[OID_HMAC_SHA256]), &[0x05, 0x00]]);
    let kdf_params = tlv(
        0x30,
        &[&tlv(0x04, &[&salt]), &tlv(0x02, &[&rounds[2..]]), &prf],
    );
    let kdf = tlv(0x30, &[&tlv(0x06, &[OID_PBKDF2]), &kdf_params]);
    let scheme = tlv(0x30, &[&tlv(0x06, &[oid])]);
    let alg = tlv(
        0x30,
        &[&tlv(0x06, &[OID_PBES2]), &tlv(0x30, &[&kdf, &scheme])],
    );
    Some(tlv(0x30, &[&alg, &tlv(0x04, &[&data])]))
}

/// The plaintext of an EncryptedPrivateKeyInfo under PBES2 with AES-ECB: None when `der` is
/// not one, Some(Err) when the passphrase does not open it.
pub(crate) fn decrypt_pkcs8_ecb(der: &[u8], pass: &[u8]) -> Option<Result<Vec<u8>, ()>> {
    let (0x30, info, _) = read_tlv(der)? else {
        return None;
    };
    let (0x30, alg, rest) = read_tlv(info)? else {
        return None;
    };
    let (0x04, data, _) = read_tlv(rest)? else {
        return None;
    };
    let (0x06, oid, params) = read_tlv(alg)? else {
        return None;
    };
    if oid != OID_PBES2 {
        return None;
    }
    let (0x30, params, _) = read_tlv(params)? else {
        return None;
    };
    let (0x30, kdf, rest) = read_tlv(params)? else {
        return None;
    };
    let (0x30, scheme, _) = read_tlv(rest)? else {
        return None;
    };
    let (0x06, scheme_oid, _) = read_tlv(scheme)? else {
        return None;
    };
    let key_len = OID_AES_ECB
        .iter()
        .find(|(_, o, _)| *o == scheme_oid)
        .map(|(_, _, l)| *l)?;
    let (0x06, kdf_oid, kdf_params) = read_tlv(kdf)? else {
        return None;
    };
    if kdf_oid != OID_PBKDF2 {
        return None;
    }
    let (0x30, kdf_params, _) = read_tlv(kdf_params)? else {
        return None;
    };
    let (0x04, salt, rest) = read_tlv(kdf_params)? else {
        return None;
    };
    let (0x02, rounds, mut rest) = read_tlv(rest)? else {
        return None;
    };
    if rounds.is_empty() || rounds.len() > 4 {
        return None;
    }
    let rounds = rounds.iter().fold(0u32, |acc, b| (acc << 8) | *b as u32);
    // An optional keyLength, then an optional prf (HMAC-SHA1 when absent).
    if let Some((0x02, _, after)) = read_tlv(rest) {
        rest = after;
    }
    let sha256 = match read_tlv(rest) {
        Some((0x30, prf, _)) => match read_tlv(prf) {
            Some((0x06, o, _)) if o == OID_HMAC_SHA256 => true,
            Some((0x06, o, _)) if o == OID_HMAC_SHA1 => false,
            _ => return None,
        },
        _ => false,
    };
    let mut key = vec![0u8; key_len];
    if sha256 {
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(pass, salt, rounds, &mut key);
    } else {
        pbkdf2::pbkdf2_hmac::<sha1::Sha1>(pass, salt, rounds, &mut key);
    }
    Some(aes_ecb(&key, data, false).ok_or(()))
}
