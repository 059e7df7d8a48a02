'use strict';
// test/common/dns: a lookup function that always fails (for net.connect's `lookup` option), the
// record type numbers, and a small DNS packet codec for tests that answer queries themselves
// over a dgram socket: parseDNSPacket(buffer) reads a query (or answer), writeDNSPacket(packet)
// writes an answer.

const assert = require('assert');

const types = {
  A: 1, AAAA: 28, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, ANY: 255, CAA: 257,
};
const typeNames = Object.fromEntries(Object.entries(types).map(([k, v]) => [v, k]));

const classes = { IN: 1 };

// The flags of an answer: QR (response), RD and RA set, no error.
const ANSWER_FLAGS = 0x8180;

// A (possibly compressed) name at `offset`: { name, next } with next the offset after it.
function readName(buf, offset) {
  const labels = [];
  let next = -1;
  let jumps = 0;
  for (;;) {
    assert(offset < buf.length, 'name runs past the packet');
    const len = buf[offset];
    if (len === 0) {
      offset++;
      break;
    }
    if ((len & 0xc0) === 0xc0) {
      assert(++jumps < 64, 'compression loop');
      if (next === -1) next = offset + 2;
      offset = buf.readUInt16BE(offset) & 0x3fff;
      continue;
    }
    labels.push(buf.toString('latin1', offset + 1, offset + 1 + len));
    offset += 1 + len;
  }
  return { name: labels.join('.'), next: next === -1 ? offset : next };
}

function readDomainFromPacket(buffer, offset) {
  const { name, next } = readName(buffer, offset);
  return { nread: next - offset, domain: name };
}

function ipv6Text(buf, offset) {
  const groups = [];
  for (let i = 0; i < 8; i++) groups.push(buf.readUInt16BE(offset + i * 2).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::').replace(/:{3,}/, '::');
}

// The fields of one record's data, by type.
function readRecord(buf, type, start, length) {
  const record = {};
  switch (type) {
    case types.A:
      record.address = `${buf[start]}.${buf[start + 1]}.${buf[start + 2]}.${buf[start + 3]}`;
      break;
    case types.AAAA:
      record.address = ipv6Text(buf, start);
      break;
    case types.MX:
      record.priority = buf.readUInt16BE(start);
      record.exchange = readName(buf, start + 2).name;
      break;
    case types.NS:
    case types.CNAME:
    case types.PTR:
      record.value = readName(buf, start).name;
      break;
    case types.TXT: {
      record.entries = [];
      for (let at = start; at < start + length;) {
        const len = buf[at];
        record.entries.push(buf.toString('utf8', at + 1, at + 1 + len));
        at += 1 + len;
      }
      break;
    }
    case types.SOA: {
      const ns = readName(buf, start);
      const host = readName(buf, ns.next);
      let at = host.next;
      record.nsname = ns.name;
      record.hostmaster = host.name;
      for (const key of ['serial', 'refresh', 'retry', 'expire', 'minttl']) {
        record[key] = buf.readUInt32BE(at);
        at += 4;
      }
      break;
    }
    case types.CAA: {
      record.critical = buf[start];
      const tagLength = buf[start + 1];
      const tag = buf.toString('latin1', start + 2, start + 2 + tagLength);
      record[tag] = buf.toString('utf8', start + 2 + tagLength, start + length);
      break;
    }
    default:
      record.data = buf.subarray(start, start + length);
  }
  return record;
}

/** A DNS packet as { id, flags, questions, answers, authorityAnswers, additionalRecords }. */
function parseDNSPacket(buffer) {
  assert(buffer.length >= 12, 'a DNS packet has a 12-byte header');
  const parsed = {
    id: buffer.readUInt16BE(0),
    flags: buffer.readUInt16BE(2),
  };
  const counts = [
    ['questions', buffer.readUInt16BE(4)],
    ['answers', buffer.readUInt16BE(6)],
    ['authorityAnswers', buffer.readUInt16BE(8)],
    ['additionalRecords', buffer.readUInt16BE(10)],
  ];
  let offset = 12;
  for (const [section, count] of counts) {
    parsed[section] = [];
    for (let i = 0; i < count; i++) {
      const { name, next } = readName(buffer, offset);
      offset = next;
      const type = buffer.readUInt16BE(offset);
      const cls = buffer.readUInt16BE(offset + 2);
      offset += 4;
      if (section === 'questions') {
        parsed.questions.push({ domain: name, cls, type });
        continue;
      }
      const ttl = buffer.readUInt32BE(offset);
      const length = buffer.readUInt16BE(offset + 4);
      offset += 6;
      const record = { domain: name, cls, ttl, type: typeNames[type] ?? type };
      Object.assign(record, readRecord(buffer, type, offset, length));
      parsed[section].push(record);
      offset += length;
    }
  }
  return parsed;
}

function writeIPv6(ip) {
  const [head, tail = null] = ip.split('::');
  const parts = (text) => (text ? text.split(':') : []);
  const front = parts(head);
  const back = tail === null ? [] : parts(tail);
  const zeros = tail === null ? 0 : 8 - front.length - back.length;
  const groups = [...front, ...new Array(zeros).fill('0'), ...back];
  assert.strictEqual(groups.length, 8, `bad IPv6 address ${ip}`);
  const buf = Buffer.alloc(16);
  groups.forEach((g, i) => buf.writeUInt16BE(parseInt(g, 16), i * 2));
  return buf;
}

function writeDomainName(domain) {
  const parts = domain === '' ? [] : domain.split('.');
  return Buffer.concat([
    ...parts.map((label) => {
      const bytes = Buffer.from(label, 'latin1');
      return Buffer.concat([Buffer.from([bytes.length]), bytes]);
    }),
    Buffer.from([0]),
  ]);
}

function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function typeNumber(type) {
  return typeof type === 'number' ? type : types[type];
}

function recordData(rr) {
  switch (typeNumber(rr.type)) {
    case types.A:
      return Buffer.from(rr.address.split('.').map(Number));
    case types.AAAA:
      return writeIPv6(rr.address);
    case types.MX:
      return Buffer.concat([u16(rr.priority), writeDomainName(rr.exchange)]);
    case types.NS:
    case types.CNAME:
    case types.PTR:
      return writeDomainName(rr.value);
    case types.TXT:
      return Buffer.concat(rr.entries.map((entry) => {
        const bytes = Buffer.from(entry);
        return Buffer.concat([Buffer.from([bytes.length]), bytes]);
      }));
    case types.SOA:
      return Buffer.concat([
        writeDomainName(rr.nsname), writeDomainName(rr.hostmaster),
        u32(rr.serial), u32(rr.refresh), u32(rr.retry), u32(rr.expire), u32(rr.minttl),
      ]);
    case types.CAA: {
      const tag = ['issue', 'issuewild', 'iodef'].find((t) => rr[t] !== undefined);
      assert(tag, 'a CAA record needs issue, issuewild or iodef');
      return Buffer.concat([
        Buffer.from([rr.critical, tag.length]), Buffer.from(tag), Buffer.from(rr[tag]),
      ]);
    }
    default:
      assert.fail(`cannot write a record of type ${rr.type}`);
  }
}

/** An answer packet: { id, flags?, questions, answers, authorityAnswers?, additionalRecords? }. */
function writeDNSPacket(parsed) {
  const sections = ['questions', 'answers', 'authorityAnswers', 'additionalRecords']
    .map((name) => [].concat(parsed[name] || []));
  const chunks = [u16(parsed.id), u16(parsed.flags ?? ANSWER_FLAGS),
                  ...sections.map((list) => u16(list.length))];
  for (const q of sections[0]) {
    chunks.push(writeDomainName(q.domain), u16(typeNumber(q.type)), u16(q.cls ?? classes.IN));
  }
  for (const list of sections.slice(1)) {
    for (const rr of list) {
      const data = recordData(rr);
      chunks.push(writeDomainName(rr.domain), u16(typeNumber(rr.type)),
                  u16(rr.cls ?? classes.IN), u32(rr.ttl ?? 0), u16(data.length), data);
    }
  }
  return Buffer.concat(chunks);
}

const mockedErrorCode = 'ENOTFOUND';
const mockedSysCall = 'getaddrinfo';

function errorLookupMock(code = mockedErrorCode, syscall = mockedSysCall) {
  return function lookupWithError(hostname, dnsopts, cb) {
    const err = new Error(`${syscall} ${code} ${hostname}`);
    err.code = code;
    err.errno = code;
    err.syscall = syscall;
    err.hostname = hostname;
    cb(err);
  };
}

module.exports = {
  types,
  classes,
  readDomainFromPacket,
  parseDNSPacket,
  writeIPv6,
  writeDomainName,
  writeDNSPacket,
  mockedErrorCode,
  mockedSysCall,
  errorLookupMock,
};
