'use strict';

// RFC 6455 framing for the WebSocket client: frames out (always masked, as a client must) and an
// incremental reader for the server's frames that checks what the RFC requires of them and
// reassembles fragmented messages.

const { randomFillSync } = require('crypto');

const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

// A message larger than this is refused with 1009 (message too big) instead of growing the
// heap without bound on a hostile or broken server.
const MAX_MESSAGE = 512 * 1024 * 1024;

// Masking keys come from a pooled random buffer: one randomFillSync per 1024 frames.
let maskPool = Buffer.alloc(0);
let maskOffset = 0;
function nextMask() {
  if (maskOffset + 4 > maskPool.length) {
    maskPool = randomFillSync(Buffer.allocUnsafe(4096));
    maskOffset = 0;
  }
  const key = maskPool.subarray(maskOffset, maskOffset + 4);
  maskOffset += 4;
  return key;
}

// One masked frame: header, key and the masked copy of `payload` in one buffer.
function encodeFrame(opcode, payload, fin = true) {
  const length = payload.length;
  const extra = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const out = Buffer.allocUnsafe(2 + extra + 4 + length);
  out[0] = (fin ? 0x80 : 0) | opcode;
  if (extra === 0) {
    out[1] = 0x80 | length;
  } else if (extra === 2) {
    out[1] = 0x80 | 126;
    out.writeUInt16BE(length, 2);
  } else {
    out[1] = 0x80 | 127;
    out.writeUInt32BE(Math.floor(length / 0x100000000), 2);
    out.writeUInt32BE(length >>> 0, 6);
  }
  const keyAt = 2 + extra;
  const key = nextMask();
  out[keyAt] = key[0];
  out[keyAt + 1] = key[1];
  out[keyAt + 2] = key[2];
  out[keyAt + 3] = key[3];
  const dataAt = keyAt + 4;
  for (let i = 0; i < length; i++) out[dataAt + i] = payload[i] ^ key[i & 3];
  return out;
}

class ProtocolError extends Error {
  constructor(code, message) {
    super(message);
    this.closeCode = code;
  }
}

// Feeds on socket chunks and calls back with whole messages and control frames:
//   onMessage(opcode, Buffer)  (OP_TEXT or OP_BINARY, fragments joined)
//   onControl(opcode, Buffer)  (close, ping, pong)
// A violation throws ProtocolError with the close code to send.
class FrameReader {
  constructor(onMessage, onControl) {
    this.onMessage = onMessage;
    this.onControl = onControl;
    this.chunks = [];
    this.buffered = 0;
    this.fragments = null; // parts of a message in progress
    this.fragmentOpcode = 0;
    this.fragmentLength = 0;
    this.stopped = false;
  }

  // Takes `n` bytes off the front of the buffered chunks.
  take(n) {
    this.buffered -= n;
    const first = this.chunks[0];
    if (first.length === n) {
      this.chunks.shift();
      return first;
    }
    if (first.length > n) {
      this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let at = 0;
    while (at < n) {
      const chunk = this.chunks[0];
      const part = Math.min(chunk.length, n - at);
      chunk.copy(out, at, 0, part);
      at += part;
      if (part === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(part);
    }
    return out;
  }

  peek(n) {
    if (this.chunks[0].length >= n) return this.chunks[0];
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined;
  }

  push(chunk) {
    if (this.stopped) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (!this.stopped && this.buffered >= 2) {
      const head = this.peek(2);
      const b0 = head[0];
      const b1 = head[1];
      let length = b1 & 0x7f;
      let headerLength = 2;
      if (length === 126) headerLength = 4;
      else if (length === 127) headerLength = 10;
      if (this.buffered < headerLength) return;
      const header = this.peek(headerLength);
      if (length === 126) {
        length = header.readUInt16BE(2);
      } else if (length === 127) {
        const high = header.readUInt32BE(2);
        if (high > 0x1fffff) throw new ProtocolError(1009, 'Frame length too large');
        length = high * 0x100000000 + header.readUInt32BE(6);
      }
      const fin = (b0 & 0x80) !== 0;
      const opcode = b0 & 0x0f;
      if ((b0 & 0x70) !== 0) throw new ProtocolError(1002, 'RSV bits set without an extension');
      if ((b1 & 0x80) !== 0) throw new ProtocolError(1002, 'Server frames must not be masked');
      const control = opcode >= 0x8;
      if (control) {
        if (opcode !== OP_CLOSE && opcode !== OP_PING && opcode !== OP_PONG) {
          throw new ProtocolError(1002, `Invalid opcode ${opcode}`);
        }
        if (!fin) throw new ProtocolError(1002, 'Fragmented control frame');
        if (length > 125) throw new ProtocolError(1002, 'Control frame payload over 125 bytes');
      } else if (opcode === OP_CONTINUATION) {
        if (this.fragments === null) throw new ProtocolError(1002, 'Continuation without a message');
      } else if (opcode === OP_TEXT || opcode === OP_BINARY) {
        if (this.fragments !== null) throw new ProtocolError(1002, 'New message inside a fragmented one');
      } else {
        throw new ProtocolError(1002, `Invalid opcode ${opcode}`);
      }
      if (!control && (this.fragments === null ? 0 : this.fragmentLength) + length > MAX_MESSAGE) {
        throw new ProtocolError(1009, 'Message too big');
      }
      if (this.buffered < headerLength + length) return;
      this.take(headerLength);
      // Copy so a payload kept by the page does not pin the socket's chunk.
      const payload = length === 0 ? Buffer.alloc(0) : Buffer.from(this.take(length));
      if (control) {
        this.onControl(opcode, payload);
      } else if (opcode !== OP_CONTINUATION && fin) {
        this.onMessage(opcode, payload);
      } else {
        if (opcode !== OP_CONTINUATION) {
          this.fragments = [];
          this.fragmentOpcode = opcode;
          this.fragmentLength = 0;
        }
        this.fragments.push(payload);
        this.fragmentLength += length;
        if (fin) {
          const whole = Buffer.concat(this.fragments, this.fragmentLength);
          const op = this.fragmentOpcode;
          this.fragments = null;
          this.fragmentLength = 0;
          this.onMessage(op, whole);
        }
      }
    }
  }
}

module.exports = {
  FrameReader,
  ProtocolError,
  encodeFrame,
  OP_CONTINUATION,
  OP_TEXT,
  OP_BINARY,
  OP_CLOSE,
  OP_PING,
  OP_PONG,
};
