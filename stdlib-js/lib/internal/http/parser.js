'use strict';
// internal/http/parser: HTTP/1.x message framing over binding.http (httparse parses the heads).
//
// One HTTPParser per connection, fed with whatever bytes arrive (`execute`). It calls its owner:
//   onMessageBegin()   optional: the first byte of a message arrived
//   onHeaders(info) -> true to read no body (a response to HEAD, say)
//   onBody(buffer)
//   onComplete(trailers)   trailers is a flat [name, value, ...] list, often empty
// and stops by itself after a head that switches protocols (`upgrade`/CONNECT): the bytes after
// it are handed back by execute(). Errors come back as Error objects with Node's llhttp codes
// (`HPE_INVALID_CONSTANT`, `HPE_HEADER_OVERFLOW`, ...), `bytesParsed` and `rawPacket`.
//
// Rules enforced here, as Node's llhttp does: a head is at most `maxHeaderSize` bytes (16 KiB);
// Content-Length and Transfer-Encoding together, differing duplicate Content-Lengths, a
// non-numeric length, a Transfer-Encoding whose last coding is not chunked (requests) and bad
// chunk sizes are errors.

const { Buffer } = require('buffer');

const { parseHead, methodPrefixError } = require('internal/http/head');
const asyncHooks = require('internal/async_hooks');

const native = binding.http;

const REQUEST = 1;
const RESPONSE = 2;

const S_HEAD = 0;
const S_BODY_LENGTH = 1;
const S_CHUNK_SIZE = 2;
const S_CHUNK_DATA = 3;
const S_CHUNK_END = 4;
const S_TRAILERS = 5;
const S_BODY_EOF = 6;
const S_DONE_UPGRADE = 7;
const S_DEAD = 8;
// A length-framed body's last byte went to the owner while it paused us: complete on resume.
const S_BODY_END = 9;

const kMaxChunkSizeLine = 4096;
const kMaxChunkExtensions = 16 * 1024;
let defaultMaxHeaderSize = 16 * 1024;
// The Connection tokens of a message without that header (only ever read).
const noTokens = Object.freeze([]);
const emptyChunk = Buffer.alloc(0);

function parseError(code, message, bytesParsed, raw) {
  const err = new Error(`Parse Error: ${message}`);
  err.code = code;
  err.reason = message;
  err.bytesParsed = bytesParsed;
  err.rawPacket = raw;
  return err;
}

class HTTPParser {
  constructor(kind, owner, options) {
    this.reinitialize(kind, owner, options);
  }

  /** Starts over for a new owner (a parser taken from the client's free list). */
  reinitialize(kind, owner, { maxHeaderSize = defaultMaxHeaderSize, lenient = false } = {}) {
    this.kind = kind;
    this.owner = owner;
    this.maxHeaderSize = maxHeaderSize;
    this.lenient = lenient;
    this.state = S_HEAD;
    this.pending = null; // bytes of an unfinished head, chunk-size line or trailer block
    this.remaining = 0;
    this.bytesParsed = 0;
    // Set by the owner before each response head: the request was HEAD / CONNECT.
    this.expectNoBody = false;
    this.paused = false;
    this.inMessage = false;
    this.asyncId = 0;
  }

  /**
   * Node's parser is an async resource (HTTPINCOMINGMESSAGE for a server connection,
   * HTTPCLIENTREQUEST for a client request): init here, destroy when it is closed.
   */
  initAsyncResource(type, resource) {
    this.asyncId = asyncHooks.newAsyncId();
    if (asyncHooks.hasHooks('init')) {
      asyncHooks.emitInit(this.asyncId, type, asyncHooks.executionAsyncId(), resource);
    }
  }

  /** Feed bytes; returns an Error, the unparsed bytes after an upgrade, or undefined. */
  execute(chunk) {
    let data = chunk;
    if (this.pending !== null) {
      data = Buffer.concat([this.pending, chunk]);
      this.pending = null;
    }
    let pos = 0;
    while (pos < data.length || this.state === S_BODY_END) {
      if (this.owner === null) return undefined; // closed by one of its own callbacks
      switch (this.state) {
        case S_HEAD: {
          // Skip the blank lines a client may send between messages.
          while (pos < data.length && (data[pos] === 13 || data[pos] === 10) && this.kind === REQUEST) pos++;
          if (pos >= data.length) break;
          if (!this.inMessage) {
            this.inMessage = true;
            if (this.owner.onMessageBegin) this.owner.onMessageBegin();
          }
          const rest = pos === 0 ? data : data.subarray(pos);
          let r = this.kind === REQUEST ? native.parseRequest(rest) : native.parseResponse(rest);
          if (r === native.ERR_TOO_MANY_HEADERS) return this.fail('HPE_HEADER_OVERFLOW', 'Header overflow', data, pos);
          // Where httparse refuses a head or is laxer than llhttp (the binding checks), the JS
          // reading decides.
          if (typeof r === 'number' && r !== 0) {
            r = parseHead(rest, this.kind, this.lenient);
            if (r !== 0 && !Array.isArray(r)) {
              if (r.at > this.maxHeaderSize) return this.fail('HPE_HEADER_OVERFLOW', 'Header overflow', data, pos);
              this.state = S_DEAD;
              return parseError(r.code, r.reason, this.bytesParsed + pos + r.at, data);
            }
          }
          if (r === 0 && this.kind === REQUEST && !this.lenient) {
            const err = methodPrefixError(rest);
            if (err !== null) {
              this.state = S_DEAD;
              return parseError(err.code, err.reason, this.bytesParsed + pos + err.at, data);
            }
          }
          if (r === 0) {
            if (rest.length > this.maxHeaderSize) {
              return this.fail('HPE_HEADER_OVERFLOW', 'Header overflow', data, pos);
            }
            this.pending = Buffer.from(rest);
            return undefined;
          }
          if (r[0] > this.maxHeaderSize) return this.fail('HPE_HEADER_OVERFLOW', 'Header overflow', data, pos);
          pos += r[0];
          const err = this.onHead(r);
          if (err) return this.failWith(err, data, pos);
          if (this.state === S_DONE_UPGRADE) {
            this.bytesParsed += pos;
            return data.subarray(pos);
          }
          break;
        }
        case S_BODY_LENGTH: {
          const n = Math.min(this.remaining, data.length - pos);
          const piece = data.subarray(pos, pos + n);
          pos += n;
          this.remaining -= n;
          this.owner.onBody(piece);
          if (this.remaining === 0) {
            if (this.paused) this.state = S_BODY_END;
            else this.complete([]);
          }
          break;
        }
        case S_BODY_END:
          this.complete([]);
          break;
        case S_BODY_EOF: {
          this.owner.onBody(pos === 0 ? data : data.subarray(pos));
          pos = data.length;
          break;
        }
        case S_CHUNK_SIZE: {
          const lf = data.indexOf(10, pos);
          const lineEnd = lf === -1 ? data.length : lf;
          // Extensions (after ';') may take kMaxChunkExtensions bytes per chunk, as in Node.
          const semiAt = data.indexOf(59, pos);
          if (semiAt !== -1 && semiAt < lineEnd && lineEnd - semiAt > kMaxChunkExtensions) {
            return this.fail('HPE_CHUNK_EXTENSIONS_OVERFLOW', 'Chunk extensions overflow', data, pos);
          }
          if (lf === -1) {
            // Refuse a bad size now rather than when its line ends (which may be never).
            const sizeEnd = semiAt === -1 ? Math.min(data.length, pos + kMaxChunkSizeLine + 1) : semiAt;
            const partial = data.latin1Slice ? data.latin1Slice(pos, sizeEnd) : data.toString('latin1', pos, sizeEnd);
            if (!/^[0-9a-fA-F]*[ \t]*\r?$/.test(partial) || partial.length > kMaxChunkSizeLine) {
              return this.fail('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size', data, pos);
            }
            this.pending = Buffer.from(data.subarray(pos));
            return undefined;
          }
          let line = data.latin1Slice ? data.latin1Slice(pos, lf) : data.toString('latin1', pos, lf);
          if (line.endsWith('\r')) line = line.slice(0, -1);
          else if (!this.lenient) return this.fail('HPE_CR_EXPECTED', 'Missing expected CR after chunk size', data, pos);
          const semi = line.indexOf(';');
          const sizeText = (semi === -1 ? line : line.slice(0, semi)).replace(/[ \t]+$/, '');
          if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) return this.fail('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size', data, pos);
          const size = parseInt(sizeText, 16);
          if (!Number.isSafeInteger(size)) return this.fail('HPE_INVALID_CHUNK_SIZE', 'Chunk size overflow', data, pos);
          pos = lf + 1;
          if (size === 0) {
            this.state = S_TRAILERS;
          } else {
            this.remaining = size;
            this.state = S_CHUNK_DATA;
          }
          break;
        }
        case S_CHUNK_DATA: {
          const n = Math.min(this.remaining, data.length - pos);
          const piece = data.subarray(pos, pos + n);
          pos += n;
          this.remaining -= n;
          this.owner.onBody(piece);
          if (this.remaining === 0) this.state = S_CHUNK_END;
          break;
        }
        case S_CHUNK_END: {
          // CRLF after the chunk's data.
          if (data[pos] === 13) {
            if (pos + 1 >= data.length) {
              this.pending = Buffer.from(data.subarray(pos));
              return undefined;
            }
            if (data[pos + 1] !== 10) return this.fail('HPE_STRICT', 'Expected LF after chunk data', data, pos);
            pos += 2;
          } else if (data[pos] === 10 && this.lenient) {
            pos += 1;
          } else {
            return this.fail('HPE_STRICT', 'Expected LF after chunk data', data, pos);
          }
          this.state = S_CHUNK_SIZE;
          break;
        }
        case S_TRAILERS: {
          const rest = data.subarray(pos);
          const r = native.parseTrailers(rest);
          if (r === 0) {
            if (rest.length > this.maxHeaderSize) return this.fail('HPE_HEADER_OVERFLOW', 'Header overflow', data, pos);
            this.pending = Buffer.from(rest);
            return undefined;
          }
          if (typeof r === 'number') return this.fail('HPE_INVALID_HEADER_TOKEN', 'Invalid header token', data, pos);
          pos += r[0];
          this.complete(r.slice(1));
          break;
        }
        case S_DONE_UPGRADE:
          this.bytesParsed += pos;
          return data.subarray(pos);
        case S_DEAD:
        default:
          return undefined;
      }
      if (this.paused) {
        // The owner wants the rest later (a pipelined request while a response is pending).
        if (pos < data.length) this.pending = Buffer.from(data.subarray(pos));
        this.bytesParsed += pos;
        return undefined;
      }
    }
    this.bytesParsed += pos;
    return undefined;
  }

  /** Between messages, holding no bytes: the next byte starts a new head. */
  idle() {
    return this.state === S_HEAD && this.pending === null && !this.paused && !this.inMessage &&
      this.owner !== null;
  }

  /** Continue with bytes held back while paused. */
  resume() {
    this.paused = false;
    if (this.pending === null) return this.state === S_BODY_END ? this.execute(emptyChunk) : undefined;
    const bytes = this.pending;
    this.pending = null;
    return this.execute(bytes);
  }

  /** The connection ended: a read-until-close body completes; a partial message is an error. */
  finish() {
    if (this.state === S_BODY_EOF) {
      this.complete([]);
      return undefined;
    }
    if (this.state === S_HEAD && this.pending === null) return undefined;
    if (this.state === S_DEAD || this.state === S_DONE_UPGRADE) return undefined;
    return parseError('HPE_INVALID_EOF_STATE', 'Invalid EOF state', this.bytesParsed, Buffer.alloc(0));
  }

  fail(code, message, raw, at = 0) {
    this.state = S_DEAD;
    return parseError(code, message, this.bytesParsed + at, raw);
  }

  failWith([code, message], raw, at) {
    this.state = S_DEAD;
    return parseError(code, message, this.bytesParsed + at, raw);
  }

  complete(trailers) {
    this.state = S_HEAD;
    this.inMessage = false;
    if (this.owner !== null) this.owner.onComplete(trailers);
  }

  // A head is parsed: decide the body's framing, then tell the owner.
  onHead(r) {
    let info;
    let start;
    if (this.kind === REQUEST) {
      info = { method: r[1], url: r[2], versionMajor: r.major ?? 1, versionMinor: r[3] };
      start = 4;
    } else {
      info = { versionMajor: r.major ?? 1, versionMinor: r[1], statusCode: r[2], statusMessage: r[3] };
      start = 4;
    }
    const rawHeaders = r.slice(start);
    info.rawHeaders = rawHeaders;
    let contentLength = -1;
    let chunked = false;
    let hasTE = false;
    let upgrade = false;
    let connection = '';
    // Where the first Host and Expect lines are (the server checks them without building
    // req.headers).
    let hostAt = -1;
    let expectAt = -1;
    for (let i = 0; i < rawHeaders.length; i += 2) {
      const name = rawHeaders[i];
      const value = rawHeaders[i + 1];
      if (name.length === 14 && name.toLowerCase() === 'content-length') {
        const text = value.trim();
        if (!/^[0-9]+$/.test(text)) return ['HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length'];
        const n = Number(text);
        if (contentLength !== -1 && contentLength !== n) return ['HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length'];
        if (contentLength !== -1 && !this.lenient) return ['HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length'];
        contentLength = n;
      } else if (name.length === 17 && name.toLowerCase() === 'transfer-encoding') {
        hasTE = true;
        const codings = value.toLowerCase().split(',').map((s) => s.trim());
        // chunked must be the final coding, once; anything after it makes a request's framing
        // ambiguous (a smuggling vector), so llhttp refuses it.
        const chunkedAt = codings.indexOf('chunked');
        if (this.kind === REQUEST && !this.lenient &&
            (chunked || (chunkedAt !== -1 && chunkedAt !== codings.length - 1))) {
          return ['HPE_INVALID_TRANSFER_ENCODING', 'Invalid `Transfer-Encoding` header value'];
        }
        chunked = codings[codings.length - 1] === 'chunked';
      } else if (name.length === 10 && name.toLowerCase() === 'connection') {
        connection += (connection ? ',' : '') + value.toLowerCase();
      } else if (name.length === 7 && name.toLowerCase() === 'upgrade') {
        upgrade = true;
      } else if (name.length === 4 && hostAt === -1 && name.toLowerCase() === 'host') {
        hostAt = i;
      } else if (name.length === 6 && expectAt === -1 && name.toLowerCase() === 'expect') {
        expectAt = i;
      }
    }
    info.hostAt = hostAt;
    info.expectAt = expectAt;
    if (hasTE && contentLength !== -1 && !this.lenient) {
      return ['HPE_UNEXPECTED_CONTENT_LENGTH', 'Content-Length can\'t be present with Transfer-Encoding'];
    }

    // Most messages carry no Connection header: no token list to make then.
    const connTokens = connection === '' ? noTokens : connection.split(',').map((s) => s.trim());
    info.shouldKeepAlive = info.versionMajor > 0 && info.versionMinor > 0 ?
      !connTokens.includes('close') : connTokens.includes('keep-alive');
    // A response whose body runs until the connection closes cannot leave it open.
    const st = info.statusCode;
    if (this.kind === RESPONSE && !(st >= 100 && st < 200) && st !== 204 && st !== 304 &&
        !chunked && (hasTE || contentLength === -1)) {
      info.shouldKeepAlive = false;
    }
    info.upgrade = (upgrade && connTokens.includes('upgrade')) ||
      (this.kind === REQUEST && info.method === 'CONNECT');
    if (this.kind === RESPONSE && info.statusCode === 101) info.upgrade = true;

    const skipBody = this.owner.onHeaders(info);
    if (this.state === S_DEAD) return undefined;
    // As llhttp, a request whose body framing is unknown fails after its head was handed over.
    if (hasTE && !chunked && this.kind === REQUEST && !this.lenient) {
      return ['HPE_INVALID_TRANSFER_ENCODING', 'Request has invalid `Transfer-Encoding`'];
    }

    if (info.upgrade && (this.kind === REQUEST || info.statusCode === 101 ||
        (this.expectConnect && info.statusCode >= 200 && info.statusCode < 300))) {
      this.state = S_DONE_UPGRADE;
      return undefined;
    }
    const status = info.statusCode;
    const noBody = skipBody === true ||
      (this.kind === RESPONSE && ((status >= 100 && status < 200) || status === 204 || status === 304));
    if (noBody) {
      this.complete([]);
      return undefined;
    }
    if (chunked) {
      this.state = S_CHUNK_SIZE;
    } else if (contentLength > 0) {
      this.remaining = contentLength;
      this.state = S_BODY_LENGTH;
    } else if (contentLength === 0 || this.kind === REQUEST || hasTE) {
      if (hasTE && this.kind === RESPONSE) this.state = S_BODY_EOF;
      else this.complete([]);
    } else {
      // A response without a length: the body runs until the connection closes.
      this.state = S_BODY_EOF;
      info.readUntilClose = true;
    }
    return undefined;
  }

  close() {
    this.state = S_DEAD;
    this.pending = null;
    this.owner = null;
    if (this.asyncId !== 0) {
      asyncHooks.emitDestroy(this.asyncId);
      this.asyncId = 0;
    }
  }

  // Done with the connection. Node returns parsers to a pool here; Eddy just closes this one.
  free() {
    this.close();
  }
}

function setMaxHeaderSize(n) {
  defaultMaxHeaderSize = n;
}

module.exports = { HTTPParser, REQUEST, RESPONSE, setMaxHeaderSize, parseError };
