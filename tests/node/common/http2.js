'use strict';
// test/common/http2: raw HTTP/2 frames (RFC 9113 section 4.1) for tests that play a
// misbehaving peer over a plain socket. Each frame object carries its bytes in `.data`.

const kClientMagic = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

// A request header block in HPACK using only static-table entries:
// :method GET (2), :path / (4), :scheme http (6), and :authority "localhost" (name index 1,
// literal without indexing).
const kFakeRequestHeaders = Buffer.concat([
  Buffer.from([0x82, 0x84, 0x86, 0x01, 9]),
  Buffer.from('localhost', 'latin1'),
]);
// A response header block: :status 200 (static index 8).
const kFakeResponseHeaders = Buffer.from([0x88]);

const FLAG_EOS = 0x1;
const FLAG_ACK = 0x1;
const FLAG_EOH = 0x4;
const FLAG_PADDED = 0x8;

function header(length, type, flags, id) {
  const b = Buffer.alloc(9);
  b.writeUIntBE(length, 0, 3);
  b[3] = type;
  b[4] = flags;
  b.writeUInt32BE(id & 0x7fffffff, 5);
  return b;
}

class Frame {
  constructor(length, type, flags, id) {
    this.data = header(length, type, flags, id);
  }
}

class SettingsFrame extends Frame {
  constructor(ack = false) {
    super(0, 4, ack ? FLAG_ACK : 0, 0);
  }
}

class PingFrame extends Frame {
  constructor(ack = false) {
    super(8, 6, ack ? FLAG_ACK : 0, 0);
    this.data = Buffer.concat([this.data, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8])]);
  }
}

class DataFrame extends Frame {
  constructor(id, payload, padlen = 0, final = false) {
    const padded = padlen > 0;
    const len = payload.length + (padded ? padlen + 1 : 0);
    super(len, 0, (final ? FLAG_EOS : 0) | (padded ? FLAG_PADDED : 0), id);
    const parts = [this.data];
    if (padded) parts.push(Buffer.from([padlen]));
    parts.push(payload);
    if (padded) parts.push(Buffer.alloc(padlen));
    this.data = Buffer.concat(parts);
  }
}

class HeadersFrame extends Frame {
  constructor(id, payload, padlen = 0, final = false) {
    const padded = padlen > 0;
    const len = payload.length + (padded ? padlen + 1 : 0);
    super(len, 1, FLAG_EOH | (final ? FLAG_EOS : 0) | (padded ? FLAG_PADDED : 0), id);
    const parts = [this.data];
    if (padded) parts.push(Buffer.from([padlen]));
    parts.push(payload);
    if (padded) parts.push(Buffer.alloc(padlen));
    this.data = Buffer.concat(parts);
  }
}

// An ALTSVC frame on stream 0 whose payload is `size` bytes: a zero-length origin and filler.
class AltSvcFrame extends Frame {
  constructor(size) {
    super(size, 10, 0, 0);
    const payload = Buffer.alloc(size, 0x61);
    payload.writeUInt16BE(0, 0);
    this.data = Buffer.concat([this.data, payload]);
  }
}

module.exports = {
  Frame, SettingsFrame, PingFrame, DataFrame, HeadersFrame, AltSvcFrame,
  kClientMagic, kFakeRequestHeaders, kFakeResponseHeaders,
};
