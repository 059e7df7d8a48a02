//! The little of HTTP and WebSocket (RFC 6455) the inspector server speaks: the handshake's
//! accept key (SHA-1 + base64, written here rather than pulling two crates into the runtime
//! for ~80 lines) and text frames in both directions.

use std::io::{self, Read, Write};

/// The `Sec-WebSocket-Accept` value for a client's `Sec-WebSocket-Key`.
pub(super) fn accept_key(key: &str) -> String {
    const GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    base64(&sha1(format!("{}{GUID}", key.trim()).as_bytes()))
}

fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A827999),
                20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

fn base64(data: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let n = (chunk[0] as u32) << 16
            | (*chunk.get(1).unwrap_or(&0) as u32) << 8
            | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub(super) const OP_TEXT: u8 = 1;
const OP_CONTINUATION: u8 = 0;
const OP_BINARY: u8 = 2;
pub(super) const OP_CLOSE: u8 = 8;
const OP_PING: u8 = 9;
pub(super) const OP_PONG: u8 = 10;

/// One server frame (never masked).
pub(super) fn frame(opcode: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 10);
    out.push(0x80 | opcode);
    match payload.len() {
        n if n < 126 => out.push(n as u8),
        n if n <= 0xffff => {
            out.push(126);
            out.extend_from_slice(&(n as u16).to_be_bytes());
        }
        n => {
            out.push(127);
            out.extend_from_slice(&(n as u64).to_be_bytes());
        }
    }
    out.extend_from_slice(payload);
    out
}

/// What the client sent.
pub(super) enum Incoming {
    Text(String),
    Ping(Vec<u8>),
    Close,
}

/// Frames larger than this end the connection (a protocol message is far smaller).
const MAX_MESSAGE: u64 = 256 << 20;

/// Read the next whole message (joining fragments); `Close` at a close frame or end of stream.
pub(super) fn read_message(stream: &mut impl Read) -> io::Result<Incoming> {
    let mut message = Vec::new();
    loop {
        let mut head = [0u8; 2];
        if stream.read_exact(&mut head).is_err() {
            return Ok(Incoming::Close);
        }
        let fin = head[0] & 0x80 != 0;
        let opcode = head[0] & 0x0f;
        let masked = head[1] & 0x80 != 0;
        let mut len = (head[1] & 0x7f) as u64;
        if len == 126 {
            let mut b = [0u8; 2];
            stream.read_exact(&mut b)?;
            len = u16::from_be_bytes(b) as u64;
        } else if len == 127 {
            let mut b = [0u8; 8];
            stream.read_exact(&mut b)?;
            len = u64::from_be_bytes(b);
        }
        if len > MAX_MESSAGE || message.len() as u64 + len > MAX_MESSAGE {
            return Ok(Incoming::Close);
        }
        let mut mask = [0u8; 4];
        if masked {
            stream.read_exact(&mut mask)?;
        }
        let mut payload = vec![0u8; len as usize];
        stream.read_exact(&mut payload)?;
        if masked {
            for (i, b) in payload.iter_mut().enumerate() {
                *b ^= mask[i % 4];
            }
        }
        match opcode {
            OP_CLOSE => return Ok(Incoming::Close),
            OP_PING => return Ok(Incoming::Ping(payload)),
            OP_PONG => continue,
            OP_TEXT | OP_BINARY | OP_CONTINUATION => {
                message.extend_from_slice(&payload);
                if fin {
                    return Ok(Incoming::Text(
                        String::from_utf8_lossy(&message).into_owned(),
                    ));
                }
            }
            _ => return Ok(Incoming::Close),
        }
    }
}

/// Write one frame.
pub(super) fn write_frame(stream: &mut impl Write, opcode: u8, payload: &[u8]) -> io::Result<()> {
    stream.write_all(&frame(opcode, payload))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_key_matches_rfc_example() {
        assert_eq!(
            accept_key("dGhlIHNhbXBsZSBub25jZQ=="),
            "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
        );
    }

    #[test]
    fn frames_round_trip() {
        let mut masked = vec![0x81, 0x85, 1, 2, 3, 4];
        masked.extend(
            b"hello"
                .iter()
                .enumerate()
                .map(|(i, b)| b ^ [1, 2, 3, 4][i % 4]),
        );
        match read_message(&mut &masked[..]).unwrap() {
            Incoming::Text(t) => assert_eq!(t, "hello"),
            _ => panic!("not text"),
        }
        let long = vec![b'x'; 70000];
        let f = frame(OP_TEXT, &long);
        assert_eq!(&f[..2], &[0x81, 127]);
        match read_message(&mut &f[..]).unwrap() {
            Incoming::Text(t) => assert_eq!(t.len(), 70000),
            _ => panic!("not text"),
        }
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"a"), "YQ==");
    }
}
