//! A small authoritative DNS responder on 127.0.0.1 (UDP and TCP on one port) for the
//! `dns.resolve*` test: a fixed zone under `.test`, NXDOMAIN for unknown names, SERVFAIL for
//! `servfail.test`, and answers too big for UDP (`big.test`) truncated so the client must retry
//! over TCP. Runs on two threads until the test process ends.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, Ipv6Addr, TcpListener, UdpSocket};
use std::str::FromStr;

use hickory_proto::op::{Message, MessageType, ResponseCode};
use hickory_proto::rr::rdata::{MX, NAPTR, SOA, SRV, TXT, caa::CAA};
use hickory_proto::rr::{Name, RData, Record, RecordType};

fn name(s: &str) -> Name {
    Name::from_str(s).unwrap()
}

fn records(qname: &str, qtype: RecordType) -> Result<Vec<Record>, ResponseCode> {
    let n = name(qname);
    let rec = |data: RData| Record::from_rdata(n.clone(), 300, data);
    let all: Vec<Record> = match qname.trim_end_matches('.') {
        "a.test" => vec![
            rec(RData::A(Ipv4Addr::new(10, 0, 0, 1).into())),
            rec(RData::A(Ipv4Addr::new(10, 0, 0, 2).into())),
            rec(RData::AAAA(
                Ipv6Addr::from_str("2001:db8::1").unwrap().into(),
            )),
            rec(RData::MX(MX::new(10, name("mx1.a.test.")))),
            rec(RData::MX(MX::new(20, name("mx2.a.test.")))),
            rec(RData::TXT(TXT::new(vec!["v=spf1".into(), "-all".into()]))),
            rec(RData::SRV(SRV::new(0, 5, 5060, name("sip.a.test.")))),
            rec(RData::NS(hickory_proto::rr::rdata::NS(name("ns1.a.test.")))),
            rec(RData::SOA(SOA::new(
                name("ns1.a.test."),
                name("admin.a.test."),
                2024010101,
                7200,
                3600,
                1209600,
                300,
            ))),
            rec(RData::CAA(CAA::new_issue(
                false,
                Some(name("letsencrypt.org.")),
                vec![],
            ))),
            rec(RData::NAPTR(NAPTR::new(
                100,
                10,
                b"S".to_vec().into_boxed_slice(),
                b"SIP+D2U".to_vec().into_boxed_slice(),
                b"".to_vec().into_boxed_slice(),
                name("_sip._udp.a.test."),
            ))),
        ],
        "www.a.test" => vec![rec(RData::CNAME(hickory_proto::rr::rdata::CNAME(name(
            "a.test.",
        ))))],
        "big.test" => (0..40)
            .map(|i| {
                rec(RData::TXT(TXT::new(vec![format!(
                    "record-{i:02}-{}",
                    "x".repeat(40)
                )])))
            })
            .collect(),
        "1.0.0.10.in-addr.arpa" => vec![rec(RData::PTR(hickory_proto::rr::rdata::PTR(name(
            "a.test.",
        ))))],
        "servfail.test" => return Err(ResponseCode::ServFail),
        _ => return Err(ResponseCode::NXDomain),
    };
    Ok(all
        .into_iter()
        .filter(|r| qtype == RecordType::ANY || r.record_type() == qtype)
        .collect())
}

fn answer(request: &[u8], udp: bool) -> Option<Vec<u8>> {
    let req = Message::from_vec(request).ok()?;
    let query = req.queries.first()?.clone();
    let mut res = Message::new(req.metadata.id, MessageType::Response, req.metadata.op_code);
    res.metadata.recursion_desired = req.metadata.recursion_desired;
    res.metadata.authoritative = true;
    res.add_query(query.clone());
    match records(&query.name().to_ascii(), query.query_type()) {
        Ok(list) => {
            if udp && list.len() > 20 {
                res.metadata.truncation = true;
            } else {
                res.add_answers(list);
            }
        }
        Err(code) => res.metadata.response_code = code,
    }
    res.to_vec().ok()
}

/// Start the responder; its port.
pub fn start() -> u16 {
    let udp = UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = udp.local_addr().unwrap().port();
    let tcp = TcpListener::bind(("127.0.0.1", port)).unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok((n, from)) = udp.recv_from(&mut buf) {
            if let Some(out) = answer(&buf[..n], true) {
                let _ = udp.send_to(&out, from);
            }
        }
    });
    std::thread::spawn(move || {
        for mut conn in tcp.incoming().flatten() {
            let mut len = [0u8; 2];
            if conn.read_exact(&mut len).is_err() {
                continue;
            }
            let mut req = vec![0u8; u16::from_be_bytes(len) as usize];
            if conn.read_exact(&mut req).is_err() {
                continue;
            }
            if let Some(out) = answer(&req, false) {
                let mut framed = (out.len() as u16).to_be_bytes().to_vec();
                framed.extend_from_slice(&out);
                let _ = conn.write_all(&framed);
            }
        }
    });
    port
}
