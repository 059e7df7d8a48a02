//! Certificate details for `getPeerCertificate` (`parseCertificate(der)`), in the shape
//! and text formats OpenSSL gives Node.

use eddy_runtime::{js_string, set_value, v8};

fn name_object<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    name: &x509_parser::x509::X509Name,
) -> v8::Local<'s, v8::Value> {
    use x509_parser::der_parser::oid;
    let obj = v8::Object::new(scope);
    let short = |o: &x509_parser::der_parser::Oid| -> Option<&'static str> {
        Some(match o.to_id_string().as_str() {
            "2.5.4.3" => "CN",
            "2.5.4.6" => "C",
            "2.5.4.7" => "L",
            "2.5.4.8" => "ST",
            "2.5.4.10" => "O",
            "2.5.4.11" => "OU",
            "1.2.840.113549.1.9.1" => "emailAddress",
            _ => return None,
        })
    };
    let _ = oid!(2.5.4.3);
    for attr in name.iter_attributes() {
        let Some(key) = short(attr.attr_type()) else {
            continue;
        };
        let Ok(value) = attr.as_str() else { continue };
        let v = js_string(scope, value);
        set_value(scope, obj, key, v.into());
    }
    obj.into()
}

/// OpenSSL's date format: `Jan  1 00:00:00 2025 GMT`.
fn openssl_date(t: &x509_parser::time::ASN1Time) -> String {
    let dt = t.to_datetime();
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {:>2} {:02}:{:02}:{:02} {} GMT",
        MONTHS[(u8::from(dt.month()) - 1) as usize],
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second(),
        dt.year()
    )
}

fn fingerprint<D: digest::Digest>(der: &[u8]) -> String {
    D::digest(der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// `parseCertificate(der)` → the fields of Node's getPeerCertificate() (subject, issuer,
/// subjectaltname, valid_from/valid_to, serialNumber, fingerprints, bits/exponent/modulus for
/// RSA), or undefined for bytes that are not a certificate.
pub(super) fn parse_certificate(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let der = crate::buffer::view_bytes(scope, args.get(0)).to_vec();
    let Ok((_, cert)) = x509_parser::parse_x509_certificate(&der) else {
        return;
    };
    let obj = v8::Object::new(scope);
    let subject = name_object(scope, cert.subject());
    set_value(scope, obj, "subject", subject);
    let issuer = name_object(scope, cert.issuer());
    set_value(scope, obj, "issuer", issuer);
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        let parts: Vec<String> = san
            .value
            .general_names
            .iter()
            .filter_map(|n| match n {
                x509_parser::extensions::GeneralName::DNSName(d) => Some(format!("DNS:{d}")),
                x509_parser::extensions::GeneralName::IPAddress(ip) => match ip.len() {
                    4 => Some(format!(
                        "IP Address:{}",
                        std::net::Ipv4Addr::new(ip[0], ip[1], ip[2], ip[3])
                    )),
                    16 => {
                        let mut a = [0u8; 16];
                        a.copy_from_slice(ip);
                        Some(format!("IP Address:{}", std::net::Ipv6Addr::from(a)).to_uppercase())
                    }
                    _ => None,
                },
                x509_parser::extensions::GeneralName::RFC822Name(e) => Some(format!("email:{e}")),
                x509_parser::extensions::GeneralName::URI(u) => Some(format!("URI:{u}")),
                _ => None,
            })
            .collect();
        let v = js_string(scope, &parts.join(", "));
        set_value(scope, obj, "subjectaltname", v.into());
    }
    let validity = cert.validity();
    let v = js_string(scope, &openssl_date(&validity.not_before));
    set_value(scope, obj, "valid_from", v.into());
    let v = js_string(scope, &openssl_date(&validity.not_after));
    set_value(scope, obj, "valid_to", v.into());
    let serial = cert.raw_serial_as_string().replace(':', "").to_uppercase();
    let v = js_string(scope, &serial);
    set_value(scope, obj, "serialNumber", v.into());
    let v = js_string(scope, &fingerprint::<sha1::Sha1>(&der));
    set_value(scope, obj, "fingerprint", v.into());
    let v = js_string(scope, &fingerprint::<sha2::Sha256>(&der));
    set_value(scope, obj, "fingerprint256", v.into());
    let v = js_string(scope, &fingerprint::<sha2::Sha512>(&der));
    set_value(scope, obj, "fingerprint512", v.into());
    let ca = cert
        .basic_constraints()
        .ok()
        .flatten()
        .is_some_and(|b| b.value.ca);
    let v = v8::Boolean::new(scope, ca);
    set_value(scope, obj, "ca", v.into());
    if let Ok(x509_parser::public_key::PublicKey::RSA(rsa)) = cert.public_key().parsed() {
        let modulus: String = rsa
            .modulus
            .iter()
            .skip_while(|b| **b == 0)
            .map(|b| format!("{b:02X}"))
            .collect();
        let bits = v8::Integer::new(scope, (rsa.key_size()) as i32);
        set_value(scope, obj, "bits", bits.into());
        let v = js_string(scope, &modulus);
        set_value(scope, obj, "modulus", v.into());
        let exp = rsa
            .exponent
            .iter()
            .fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        let v = js_string(scope, &format!("0x{exp:x}"));
        set_value(scope, obj, "exponent", v.into());
    }
    rv.set(obj.into());
}
