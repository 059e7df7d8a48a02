//! Passphrase-protected private keys: PKCS#8 PBES2 (PBKDF2-HMAC-SHA256, as OpenSSL 3 writes it)
//! and the traditional RFC 1421 PEM encryption OpenSSL still uses for pkcs1/sec1 keys
//! (`Proc-Type: 4,ENCRYPTED` / `DEK-Info`, key from EVP_BytesToKey with MD5).

use cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit, block_padding::Pkcs7};
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
        _ => return Err(unknown_cipher()),
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
