//! `binding.dns.query`: the DNS-protocol half of node:dns (`resolve*`, `Resolver`, `reverse`).
//! Messages are built and read with `hickory-proto`; the query goes over a plain UDP socket
//! (TCP when the answer comes back truncated) in a worker-pool job, server after server, try
//! after try, each bounded by the resolver's timeout. Records come back to JS in Node's
//! `resolveAny` shape (`{ type: 'MX', exchange, priority }`), which `internal/dns/resolver.js`
//! narrows for the other calls.

use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream, UdpSocket};
use std::str::FromStr;
use std::time::{Duration, Instant};

use eddy_runtime::{call_function, js_string, set_value, submit, v8};
use hickory_proto::op::{Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, RecordType};

/// One field of a record as JS will see it.
enum Field {
    Str(String),
    Num(f64),
    List(Vec<String>),
}

/// A record: its type name and its fields, in Node's order.
struct Rec {
    fields: Vec<(&'static str, Field)>,
}

fn name_text(name: &Name) -> String {
    let text = name.to_utf8();
    text.strip_suffix('.').unwrap_or(&text).to_string()
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// Node's object for one record, or None for types Node does not report.
fn record_fields(data: &RData, ttl: u32) -> Option<Rec> {
    use Field::{List, Num, Str};
    let fields = match data {
        RData::A(a) => vec![
            ("type", Str("A".into())),
            ("address", Str(a.0.to_string())),
            ("ttl", Num(ttl as f64)),
        ],
        RData::AAAA(a) => vec![
            ("type", Str("AAAA".into())),
            ("address", Str(a.0.to_string())),
            ("ttl", Num(ttl as f64)),
        ],
        RData::CNAME(n) => vec![
            ("type", Str("CNAME".into())),
            ("value", Str(name_text(&n.0))),
        ],
        RData::NS(n) => vec![("type", Str("NS".into())), ("value", Str(name_text(&n.0)))],
        RData::PTR(n) => vec![("type", Str("PTR".into())), ("value", Str(name_text(&n.0)))],
        RData::MX(mx) => vec![
            ("type", Str("MX".into())),
            ("exchange", Str(name_text(&mx.exchange))),
            ("priority", Num(mx.preference as f64)),
        ],
        RData::TXT(txt) => vec![
            ("type", Str("TXT".into())),
            (
                "entries",
                List(txt.txt_data.iter().map(|b| latin1(b)).collect()),
            ),
        ],
        RData::SRV(srv) => vec![
            ("type", Str("SRV".into())),
            ("name", Str(name_text(&srv.target))),
            ("port", Num(srv.port as f64)),
            ("priority", Num(srv.priority as f64)),
            ("weight", Num(srv.weight as f64)),
        ],
        RData::SOA(soa) => vec![
            ("type", Str("SOA".into())),
            ("nsname", Str(name_text(&soa.mname))),
            ("hostmaster", Str(name_text(&soa.rname))),
            ("serial", Num(soa.serial as f64)),
            ("refresh", Num(soa.refresh as f64)),
            ("retry", Num(soa.retry as f64)),
            ("expire", Num(soa.expire as f64)),
            ("minttl", Num(soa.minimum as f64)),
        ],
        RData::CAA(caa) => {
            let tag: &'static str = match caa.tag.as_str() {
                "issue" => "issue",
                "issuewild" => "issuewild",
                "iodef" => "iodef",
                "contactemail" => "contactemail",
                "contactphone" => "contactphone",
                _ => "unknown",
            };
            let flags = if caa.issuer_critical { 128 } else { 0 } | caa.reserved_flags as u32;
            vec![
                ("type", Str("CAA".into())),
                ("critical", Num(flags as f64)),
                (tag, Str(latin1(&caa.value))),
            ]
        }
        RData::NAPTR(n) => vec![
            ("type", Str("NAPTR".into())),
            ("flags", Str(latin1(&n.flags))),
            ("service", Str(latin1(&n.services))),
            ("regexp", Str(latin1(&n.regexp))),
            ("replacement", Str(name_text(&n.replacement))),
            ("order", Num(n.order as f64)),
            ("preference", Num(n.preference as f64)),
        ],
        _ => return None,
    };
    Some(Rec { fields })
}

/// A random query id (the std hasher is seeded from the OS's randomness per process).
fn random_id() -> u16 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.finish() as u16
}

fn udp_exchange(
    server: SocketAddr,
    request: &[u8],
    id: u16,
    timeout: Duration,
    local: &Local,
) -> std::io::Result<Vec<u8>> {
    let local = SocketAddr::new(if server.is_ipv4() { local.v4 } else { local.v6 }, 0);
    let sock = UdpSocket::bind(local)?;
    sock.connect(server)?;
    sock.send(request)?;
    let deadline = Instant::now() + timeout;
    let mut buf = vec![0u8; 65535];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        sock.set_read_timeout(Some(left))?;
        let n = sock.recv(&mut buf)?;
        // Ignore stray datagrams: the answer carries our id.
        if n >= 2 && u16::from_be_bytes([buf[0], buf[1]]) == id {
            buf.truncate(n);
            return Ok(buf);
        }
    }
}

fn tcp_exchange(server: SocketAddr, request: &[u8], timeout: Duration) -> std::io::Result<Vec<u8>> {
    let mut s = TcpStream::connect_timeout(&server, timeout)?;
    s.set_read_timeout(Some(timeout))?;
    s.set_write_timeout(Some(timeout))?;
    let mut framed = (request.len() as u16).to_be_bytes().to_vec();
    framed.extend_from_slice(request);
    s.write_all(&framed)?;
    let mut len = [0u8; 2];
    s.read_exact(&mut len)?;
    let mut buf = vec![0u8; u16::from_be_bytes(len) as usize];
    s.read_exact(&mut buf)?;
    Ok(buf)
}

/// The addresses queries are sent from (`Resolver#setLocalAddress`).
struct Local {
    v4: IpAddr,
    v6: IpAddr,
}

/// Ask `servers` for `name`'s records of `rtype`: Node's error code on failure.
fn resolve(
    servers: &[SocketAddr],
    name: &str,
    rtype: RecordType,
    timeout: Duration,
    tries: u32,
    local: &Local,
) -> Result<Vec<Rec>, &'static str> {
    let qname = Name::from_utf8(name).map_err(|_| "EBADNAME")?;
    let id = random_id();
    let mut msg = Message::new(id, MessageType::Query, OpCode::Query);
    msg.metadata.recursion_desired = true;
    msg.add_query(Query::query(qname, rtype));
    let request = msg.to_vec().map_err(|_| "EBADQUERY")?;
    if servers.is_empty() {
        return Err("ECONNREFUSED");
    }
    let mut last = "ETIMEOUT";
    for _ in 0..tries.max(1) {
        for &server in servers {
            let raw = match udp_exchange(server, &request, id, timeout, local) {
                Ok(raw) => raw,
                Err(e) => {
                    last = match e.kind() {
                        std::io::ErrorKind::ConnectionRefused => "ECONNREFUSED",
                        _ => "ETIMEOUT",
                    };
                    continue;
                }
            };
            let Ok(mut answer) = Message::from_vec(&raw) else {
                last = "EBADRESP";
                continue;
            };
            if answer.metadata.truncation {
                match tcp_exchange(server, &request, timeout).map(|r| Message::from_vec(&r)) {
                    Ok(Ok(full)) => answer = full,
                    _ => {
                        last = "EBADRESP";
                        continue;
                    }
                }
            }
            return match answer.metadata.response_code {
                ResponseCode::NoError => {
                    let records: Vec<Rec> = answer
                        .answers
                        .iter()
                        .filter(|r| rtype == RecordType::ANY || r.record_type() == rtype)
                        .filter_map(|r| record_fields(&r.data, r.ttl))
                        .collect();
                    if records.is_empty() {
                        Err("ENODATA")
                    } else {
                        Ok(records)
                    }
                }
                ResponseCode::NXDomain => Err("ENOTFOUND"),
                ResponseCode::ServFail => Err("ESERVFAIL"),
                ResponseCode::Refused => Err("EREFUSED"),
                ResponseCode::FormErr => Err("EFORMERR"),
                ResponseCode::NotImp => Err("ENOTIMP"),
                _ => Err("EBADRESP"),
            };
        }
    }
    Err(last)
}

/// `query(servers, name, type, timeoutMs, tries, cb, localV4?, localV6?)`: servers are
/// `"ip"`/`"ip:port"`/`"[ip6]:port"` strings; cb(code) or cb(null, records).
pub fn query(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let mut servers = Vec::new();
    if let Ok(list) = v8::Local::<v8::Array>::try_from(args.get(0)) {
        for i in 0..list.length() {
            let Some(item) = list.get_index(scope, i) else {
                continue;
            };
            let text = item.to_rust_string_lossy(scope);
            if let Ok(addr) = SocketAddr::from_str(&text) {
                servers.push(addr);
            } else if let Ok(ip) = IpAddr::from_str(&text) {
                servers.push(SocketAddr::new(ip, 53));
            }
        }
    }
    let name = args.get(1).to_rust_string_lossy(scope);
    let rtype =
        RecordType::from_str(&args.get(2).to_rust_string_lossy(scope)).unwrap_or(RecordType::A);
    let timeout_ms = args.get(3).number_value(scope).unwrap_or(-1.0);
    let timeout = Duration::from_millis(if timeout_ms > 0.0 {
        timeout_ms as u64
    } else {
        2000
    });
    let tries = args.get(4).uint32_value(scope).unwrap_or(4);
    let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(5)) else {
        return;
    };
    let cb = v8::Global::new(scope, cb);
    let ip_arg = |scope: &mut v8::PinScope, i: i32, default: IpAddr| {
        IpAddr::from_str(&args.get(i).to_rust_string_lossy(scope)).unwrap_or(default)
    };
    let local = Local {
        v4: ip_arg(scope, 6, IpAddr::from([0, 0, 0, 0])),
        v6: ip_arg(scope, 7, IpAddr::from([0u16; 8])),
    };
    submit(
        scope,
        move || resolve(&servers, &name, rtype, timeout, tries, &local),
        move |scope, result| {
            let cb = v8::Local::new(scope, cb);
            let args: Vec<v8::Local<v8::Value>> = match result {
                Ok(Ok(records)) => {
                    let mut items: Vec<v8::Local<v8::Value>> = Vec::new();
                    for rec in records {
                        let obj = v8::Object::new(scope);
                        for (key, field) in rec.fields {
                            let value: v8::Local<v8::Value> = match field {
                                Field::Str(s) => js_string(scope, &s).into(),
                                Field::Num(n) => v8::Number::new(scope, n).into(),
                                Field::List(list) => {
                                    let parts: Vec<v8::Local<v8::Value>> =
                                        list.iter().map(|s| js_string(scope, s).into()).collect();
                                    v8::Array::new_with_elements(scope, &parts).into()
                                }
                            };
                            set_value(scope, obj, key, value);
                        }
                        items.push(obj.into());
                    }
                    let list = v8::Array::new_with_elements(scope, &items);
                    vec![v8::null(scope).into(), list.into()]
                }
                Ok(Err(code)) => vec![js_string(scope, code).into()],
                Err(_) => vec![js_string(scope, "EBADRESP").into()],
            };
            call_function(scope, cb, &args);
        },
    );
}

/// The name servers of /etc/resolv.conf, as `ip` or `ip:port` strings.
pub fn system_servers(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let text = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let mut items: Vec<v8::Local<v8::Value>> = Vec::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if words.next() == Some("nameserver")
            && let Some(addr) = words.next()
        {
            // A scope id ("fe80::1%eth0") is not for us to dial; keep the address part.
            let addr = addr.split('%').next().unwrap_or(addr);
            if IpAddr::from_str(addr).is_ok() {
                items.push(js_string(scope, addr).into());
            }
        }
    }
    let list = v8::Array::new_with_elements(scope, &items);
    rv.set(list.into());
}
