//! PKCS#12 (PFX) files for tls's `pfx` option: `binding.crypto.parsePfx(bytes, passphrase)`.
//!
//! A PFX is nested DER (RFC 7292): a MAC over a list of "safe contents", some encrypted, each a
//! list of bags holding a certificate or a private key (itself often encrypted). What is read:
//! the MAC (HMAC-SHA1/SHA-256 under a key from the PKCS#12 KDF), bags encrypted with
//! pbeWithSHAAnd3-KeyTripleDES-CBC (what OpenSSL 1.x and Node's fixtures write) or with PBES2
//! (OpenSSL 3's default, through the pkcs5 crate), key bags, shrouded key bags and X.509
//! certificate bags. The DER walk is by hand: the shapes are few and fixed, and the crates that
//! read PKCS#12 whole are pre-releases.

use cipher::{BlockDecryptMut, KeyIvInit, block_padding::Pkcs7};
use eddy_runtime::{js_string, set_fn, v8};

use crate::fs::bytes_to_js;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};

pub(crate) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "parsePfx", parse_pfx);
}

// Object identifiers, as DER content bytes.
const OID_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];
const OID_ENCRYPTED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x06];
const OID_KEY_BAG: &[u8] = &[
    0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x01,
];
const OID_SHROUDED_KEY_BAG: &[u8] = &[
    0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x02,
];
const OID_CERT_BAG: &[u8] = &[
    0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x03,
];
const OID_X509_CERT: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x16, 0x01];
const OID_LOCAL_KEY_ID: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x15];
const OID_PBE_SHA1_3DES: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01, 0x03];
const OID_PBES2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d];
const OID_SHA1: &[u8] = &[0x2b, 0x0e, 0x03, 0x02, 0x1a];
const OID_SHA256: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];

/// Why a PFX could not be read, in OpenSSL's words (Node passes them on).
#[derive(Debug)]
enum PfxError {
    /// Not DER, or cut short.
    Malformed,
    /// The MAC does not match: the wrong passphrase (or a damaged file).
    Mac,
    /// Readable, but something it needs is not supported here or is missing.
    Unsupported,
}

type Result<T> = std::result::Result<T, PfxError>;

/// One DER element: its tag and its content.
struct Tlv<'a> {
    tag: u8,
    content: &'a [u8],
}

/// Reads DER elements one after another.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn done(&self) -> bool {
        self.0.is_empty()
    }

    fn next(&mut self) -> Result<Tlv<'a>> {
        let data = self.0;
        let (&tag, rest) = data.split_first().ok_or(PfxError::Malformed)?;
        let (&first, rest) = rest.split_first().ok_or(PfxError::Malformed)?;
        let (len, rest) = if first < 0x80 {
            (first as usize, rest)
        } else {
            let n = (first & 0x7f) as usize;
            if n == 0 || n > 4 || rest.len() < n {
                return Err(PfxError::Malformed);
            }
            let len = rest[..n]
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | b as usize);
            (len, &rest[n..])
        };
        if rest.len() < len {
            return Err(PfxError::Malformed);
        }
        self.0 = &rest[len..];
        Ok(Tlv {
            tag,
            content: &rest[..len],
        })
    }

    fn expect(&mut self, tag: u8) -> Result<&'a [u8]> {
        let tlv = self.next()?;
        if tlv.tag != tag {
            return Err(PfxError::Malformed);
        }
        Ok(tlv.content)
    }
}

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const INTEGER: u8 = 0x02;
const OCTET_STRING: u8 = 0x04;
const OID: u8 = 0x06;
const CONTEXT_0: u8 = 0xa0;

fn integer(bytes: &[u8]) -> Result<u32> {
    if bytes.is_empty() || bytes.len() > 5 {
        return Err(PfxError::Unsupported);
    }
    Ok(bytes.iter().fold(0u64, |acc, &b| (acc << 8) | b as u64) as u32)
}

/// An OCTET STRING's bytes, also when written constructed (BER, as some encoders do).
fn octets(tlv: &Tlv) -> Result<Vec<u8>> {
    match tlv.tag {
        OCTET_STRING | 0x80 => Ok(tlv.content.to_vec()),
        0x24 | CONTEXT_0 => {
            let mut out = Vec::new();
            let mut r = Reader(tlv.content);
            while !r.done() {
                out.extend_from_slice(&octets(&r.next()?)?);
            }
            Ok(out)
        }
        _ => Err(PfxError::Malformed),
    }
}

/// The PKCS#12 key derivation (RFC 7292 appendix B.2) over SHA-1: `id` 1 for a key, 2 for an
/// IV, 3 for a MAC key. The password is BMPString bytes with the closing two zeros.
fn kdf_sha1(password: &[u8], salt: &[u8], iterations: u32, id: u8, len: usize) -> Vec<u8> {
    kdf::<Sha1>(password, salt, iterations, id, len)
}

fn kdf<D: Digest>(password: &[u8], salt: &[u8], iterations: u32, id: u8, len: usize) -> Vec<u8> {
    const V: usize = 64; // the block size of SHA-1 and SHA-256
    let fill = |src: &[u8]| -> Vec<u8> {
        if src.is_empty() {
            return Vec::new();
        }
        let n = V * src.len().div_ceil(V);
        src.iter().cycle().take(n).copied().collect()
    };
    let mut i_block = fill(salt);
    i_block.extend(fill(password));
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        let mut a = D::new()
            .chain_update([id; V])
            .chain_update(&i_block)
            .finalize();
        for _ in 1..iterations.max(1) {
            a = D::digest(&a);
        }
        out.extend_from_slice(&a);
        if out.len() >= len {
            break;
        }
        let b: Vec<u8> = a.iter().cycle().take(V).copied().collect();
        for chunk in i_block.chunks_mut(V) {
            // chunk = (chunk + b + 1) mod 2^(8V)
            let mut carry = 1u16;
            for k in (0..V).rev() {
                let sum = chunk[k] as u16 + b[k] as u16 + carry;
                chunk[k] = sum as u8;
                carry = sum >> 8;
            }
        }
    }
    out.truncate(len);
    out
}

/// The passphrase as PKCS#12's KDF takes it: UTF-16BE with a terminating zero.
fn bmp_password(passphrase: &str) -> Vec<u8> {
    let mut out: Vec<u8> = passphrase
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    out.extend_from_slice(&[0, 0]);
    out
}

/// Decrypt `data` under the AlgorithmIdentifier `algorithm` (its DER element).
fn decrypt(
    algorithm: &[u8],
    algorithm_der: &[u8],
    data: &[u8],
    passphrase: &str,
) -> Result<Vec<u8>> {
    let mut r = Reader(algorithm);
    let oid = r.expect(OID)?;
    if oid == OID_PBE_SHA1_3DES {
        let mut p = Reader(r.expect(SEQUENCE)?);
        let salt = p.expect(OCTET_STRING)?;
        let iterations = integer(p.expect(INTEGER)?)?;
        let password = bmp_password(passphrase);
        let key = kdf_sha1(&password, salt, iterations, 1, 24);
        let iv = kdf_sha1(&password, salt, iterations, 2, 8);
        let cipher = cbc::Decryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
            .map_err(|_| PfxError::Unsupported)?;
        let mut buf = data.to_vec();
        let len = cipher
            .decrypt_padded_mut::<Pkcs7>(&mut buf)
            .map_err(|_| PfxError::Mac)?
            .len();
        buf.truncate(len);
        return Ok(buf);
    }
    if oid == OID_PBES2 {
        use der::Decode;
        let scheme =
            pkcs5::EncryptionScheme::from_der(algorithm_der).map_err(|_| PfxError::Unsupported)?;
        return scheme
            .decrypt(passphrase.as_bytes(), data)
            .map_err(|_| PfxError::Mac);
    }
    Err(PfxError::Unsupported)
}

/// What a PFX holds: private keys (PKCS#8 DER) and certificates (DER), each with its
/// localKeyId attribute if it had one (that is how a key and its certificate are paired).
#[derive(Default)]
struct Contents {
    keys: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    certs: Vec<(Vec<u8>, Option<Vec<u8>>)>,
}

fn local_key_id(attributes: Option<&[u8]>) -> Result<Option<Vec<u8>>> {
    let Some(attributes) = attributes else {
        return Ok(None);
    };
    let mut r = Reader(attributes);
    while !r.done() {
        let mut attribute = Reader(r.expect(SEQUENCE)?);
        let oid = attribute.expect(OID)?;
        let mut values = Reader(attribute.expect(SET)?);
        if oid == OID_LOCAL_KEY_ID && !values.done() {
            return Ok(Some(values.expect(OCTET_STRING)?.to_vec()));
        }
    }
    Ok(None)
}

fn read_bags(safe_contents: &[u8], passphrase: &str, out: &mut Contents) -> Result<()> {
    let mut bags = Reader(Reader(safe_contents).expect(SEQUENCE)?);
    while !bags.done() {
        let mut bag = Reader(bags.expect(SEQUENCE)?);
        let id = bag.expect(OID)?;
        let value = bag.expect(CONTEXT_0)?;
        let attributes = if bag.done() {
            None
        } else {
            Some(bag.expect(SET)?)
        };
        let key_id = local_key_id(attributes)?;
        if id == OID_KEY_BAG {
            let element = whole(value)?;
            out.keys.push((element.to_vec(), key_id));
        } else if id == OID_SHROUDED_KEY_BAG {
            let mut info = Reader(Reader(value).expect(SEQUENCE)?);
            let algorithm_der = whole(info.0)?;
            let algorithm = info.expect(SEQUENCE)?;
            let encrypted = info.expect(OCTET_STRING)?;
            let key = decrypt(algorithm, algorithm_der, encrypted, passphrase)?;
            out.keys.push((key, key_id));
        } else if id == OID_CERT_BAG {
            let mut cert_bag = Reader(Reader(value).expect(SEQUENCE)?);
            let cert_id = cert_bag.expect(OID)?;
            let mut holder = Reader(cert_bag.expect(CONTEXT_0)?);
            let cert = holder.expect(OCTET_STRING)?;
            if cert_id == OID_X509_CERT {
                out.certs.push((cert.to_vec(), key_id));
            }
        }
        // Other bags (CRLs, secrets, nested safe contents) carry nothing TLS uses.
    }
    Ok(())
}

/// The bytes of the first DER element in `data` (tag and length included).
fn whole(data: &[u8]) -> Result<&[u8]> {
    let mut r = Reader(data);
    r.next()?;
    Ok(&data[..data.len() - r.0.len()])
}

fn verify_mac(mac_data: &[u8], auth_safe: &[u8], passphrase: &str) -> Result<()> {
    let mut mac = Reader(mac_data);
    let mut digest_info = Reader(mac.expect(SEQUENCE)?);
    let mut algorithm = Reader(digest_info.expect(SEQUENCE)?);
    let digest_oid = algorithm.expect(OID)?;
    let expected = digest_info.expect(OCTET_STRING)?;
    let salt = mac.expect(OCTET_STRING)?;
    let iterations = if mac.done() {
        1
    } else {
        integer(mac.expect(INTEGER)?)?
    };
    let password = bmp_password(passphrase);
    let ok = if digest_oid == OID_SHA1 {
        let key = kdf::<Sha1>(&password, salt, iterations, 3, 20);
        let mut h = <Hmac<Sha1> as Mac>::new_from_slice(&key).map_err(|_| PfxError::Mac)?;
        h.update(auth_safe);
        h.verify_slice(expected).is_ok()
    } else if digest_oid == OID_SHA256 {
        let key = kdf::<Sha256>(&password, salt, iterations, 3, 32);
        let mut h = <Hmac<Sha256> as Mac>::new_from_slice(&key).map_err(|_| PfxError::Mac)?;
        h.update(auth_safe);
        h.verify_slice(expected).is_ok()
    } else {
        return Err(PfxError::Unsupported);
    };
    if ok { Ok(()) } else { Err(PfxError::Mac) }
}

fn parse(pfx: &[u8], passphrase: &str) -> Result<Contents> {
    let mut top = Reader(Reader(pfx).expect(SEQUENCE)?);
    if integer(top.expect(INTEGER)?)? != 3 {
        return Err(PfxError::Unsupported);
    }
    let mut auth_safe = Reader(top.expect(SEQUENCE)?);
    if auth_safe.expect(OID)? != OID_DATA {
        return Err(PfxError::Unsupported);
    }
    let holder = auth_safe.expect(CONTEXT_0)?;
    let content = octets(&Reader(holder).next()?)?;
    if !top.done() {
        verify_mac(top.expect(SEQUENCE)?, &content, passphrase)?;
    }
    let mut out = Contents::default();
    let mut infos = Reader(Reader(&content).expect(SEQUENCE)?);
    while !infos.done() {
        let mut info = Reader(infos.expect(SEQUENCE)?);
        let kind = info.expect(OID)?;
        let holder = Reader(info.expect(CONTEXT_0)?).next()?;
        if kind == OID_DATA {
            read_bags(&octets(&holder)?, passphrase, &mut out)?;
        } else if kind == OID_ENCRYPTED_DATA {
            if holder.tag != SEQUENCE {
                return Err(PfxError::Malformed);
            }
            let mut encrypted_data = Reader(holder.content);
            encrypted_data.expect(INTEGER)?;
            let mut content_info = Reader(encrypted_data.expect(SEQUENCE)?);
            content_info.expect(OID)?;
            let algorithm_der = whole(content_info.0)?;
            let algorithm = content_info.expect(SEQUENCE)?;
            let encrypted = octets(&content_info.next()?)?;
            let plain = decrypt(algorithm, algorithm_der, &encrypted, passphrase)?;
            read_bags(&plain, passphrase, &mut out)?;
        } else {
            return Err(PfxError::Unsupported);
        }
    }
    Ok(out)
}

/// `parsePfx(bytes, passphrase)` → `[key, leaf, extra]`: the private key (PKCS#8 DER, or
/// undefined), the certificate that goes with it (DER, or undefined) and the other
/// certificates (DER). Throws OpenSSL's message: 'mac verify failure' for a wrong passphrase,
/// 'not enough data' for bytes that are not a PFX.
fn parse_pfx(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    if !args.get(0).is_array_buffer_view() {
        return;
    }
    let bytes = crate::crypto_keyobj::arg_bytes(scope, args.get(0));
    let passphrase = crate::crypto_keyobj::arg_str(scope, args.get(1));
    let contents = match parse(&bytes, &passphrase) {
        Ok(c) => c,
        Err(e) => {
            let message = match e {
                PfxError::Malformed => "not enough data",
                PfxError::Mac => "mac verify failure",
                PfxError::Unsupported => "unsupported",
            };
            let msg = js_string(scope, message);
            let err = v8::Exception::error(scope, msg);
            scope.throw_exception(err);
            return;
        }
    };
    let Contents {
        mut keys,
        mut certs,
    } = contents;
    let key = (!keys.is_empty()).then(|| keys.remove(0));
    // The leaf: the certificate with the key's localKeyId, or else the first one.
    let leaf_index = key
        .as_ref()
        .and_then(|(_, id)| id.as_ref())
        .and_then(|id| certs.iter().position(|(_, c)| c.as_ref() == Some(id)))
        .or(if certs.is_empty() { None } else { Some(0) });
    let leaf = leaf_index.map(|i| certs.remove(i).0);
    let key = match key {
        Some((der, _)) => bytes_to_js(scope, der),
        None => v8::undefined(scope).into(),
    };
    let leaf = match leaf {
        Some(der) => bytes_to_js(scope, der),
        None => v8::undefined(scope).into(),
    };
    let extra: Vec<v8::Local<v8::Value>> = certs
        .into_iter()
        .map(|(der, _)| bytes_to_js(scope, der))
        .collect();
    let extra = v8::Array::new_with_elements(scope, &extra);
    let result = v8::Array::new_with_elements(scope, &[key, leaf, extra.into()]);
    rv.set(result.into());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_malformed() {
        assert!(matches!(parse(b"garbage", ""), Err(PfxError::Malformed)));
        assert!(matches!(
            parse(&[0x30, 0x84, 0xff], ""),
            Err(PfxError::Malformed)
        ));
    }
}
