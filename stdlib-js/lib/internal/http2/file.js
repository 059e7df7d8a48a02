'use strict';
// ServerHttp2Stream.respondWithFD / respondWithFile: stat the file, let statCheck adjust the
// headers, respond with content-length, then stream the byte range from the descriptor.

const fs = require('fs');
const { err, mapToHeaders } = require('internal/http2/util');
const { checkStatus } = require('internal/http2/stream');

function validate(stream, headers, options) {
  if (options === undefined || options === null) options = {};
  else if (typeof options !== 'object') throw err('ERR_INVALID_ARG_TYPE', 'options', 'Object', options);
  options = { ...options };
  for (const [k, t] of [['offset', 'number'], ['length', 'number'], ['statCheck', 'function']]) {
    if (options[k] !== undefined && typeof options[k] !== t) {
      throw err('ERR_INVALID_ARG_VALUE', `options.${k}`, options[k]);
    }
  }
  if (options.waitForTrailers !== undefined && typeof options.waitForTrailers !== 'boolean') {
    throw err('ERR_INVALID_ARG_VALUE', 'options.waitForTrailers', options.waitForTrailers);
  }
  if (options.offset !== undefined && options.offset < 0) options.offset = 0;
  if (headers === undefined || headers === null) headers = {};
  else if (typeof headers !== 'object') throw err('ERR_INVALID_ARG_TYPE', 'headers', 'Object', headers);
  const h = { __proto__: null, ...headers };
  if (h[':status'] === undefined) h[':status'] = 200;
  const status = h[':status'] = Number(h[':status']);
  checkStatus(status);
  if (status === 204 || status === 205 || status === 304) throw err('ERR_HTTP2_PAYLOAD_FORBIDDEN', status);
  if (stream.destroyed || stream._closedByProtocol) throw err('ERR_HTTP2_INVALID_STREAM');
  if (stream.headersSent) throw err('ERR_HTTP2_HEADERS_SENT');
  mapToHeaders(h);
  return { h, options };
}

function fail(stream, options, e) {
  if (typeof options.onError === 'function') options.onError(e);
  else stream.destroy(e);
}

function send(stream, fd, stat, h, options, closeFd) {
  if (stream.destroyed) {
    closeFd();
    return;
  }
  const isFile = stat.isFile();
  if (stat.isDirectory()) {
    closeFd();
    fail(stream, options, err('ERR_HTTP2_SEND_FILE'));
    return;
  }
  if (!isFile && (options.offset !== undefined || options.length !== undefined)) {
    closeFd();
    fail(stream, options, err('ERR_HTTP2_SEND_FILE_NOSEEK'));
    return;
  }
  const offset = options.offset || 0;
  let length = options.length;
  if (typeof options.statCheck === 'function') {
    const statOptions = { offset, length: length === undefined ? -1 : length };
    if (options.statCheck(stat, h, statOptions) === false) {
      closeFd();
      return;
    }
  }
  if (isFile) {
    const avail = Math.max(0, stat.size - offset);
    length = length === undefined || length < 0 ? avail : Math.min(length, avail);
    if (h['content-length'] === undefined) h['content-length'] = length;
  }
  if (stream.destroyed) {
    closeFd();
    return;
  }
  try {
    stream._sendDate = stream._sendDate ?? true;
    const { h: ready } = { h };
    stream.respond(ready, { waitForTrailers: options.waitForTrailers === true });
  } catch (e) {
    closeFd();
    fail(stream, options, e);
    return;
  }
  if (stream._headRequest || length === 0) {
    closeFd();
    if (!stream.writableEnded) stream.end();
    return;
  }
  pump(stream, fd, isFile ? offset : null, isFile ? length : Infinity, closeFd);
}

// Copies [position, position + remaining) from fd into the stream, waiting for 'drain'.
// A null position reads sequentially (pipes, sockets).
function pump(stream, fd, position, remaining, closeFd) {
  const step = () => {
    if (stream.destroyed) {
      closeFd();
      return;
    }
    const want = Math.min(65536, remaining);
    if (want <= 0) {
      closeFd();
      stream.end();
      return;
    }
    const buf = Buffer.allocUnsafe(want);
    fs.read(fd, buf, 0, want, position, (e, n) => {
      if (e) {
        closeFd();
        stream.destroy(e);
        return;
      }
      if (n === 0) {
        closeFd();
        if (!stream.destroyed) stream.end();
        return;
      }
      if (position !== null) position += n;
      remaining -= n;
      if (stream.destroyed) {
        closeFd();
        return;
      }
      if (stream.write(buf.subarray(0, n))) step();
      else stream.once('drain', step);
    });
  };
  step();
}

function respondWithFD(stream, fd, headers, options) {
  let handle;
  if (fd !== null && typeof fd === 'object' && typeof fd.fd === 'number') {
    handle = fd;
    fd = fd.fd;
  }
  if (typeof fd !== 'number') throw err('ERR_INVALID_ARG_TYPE', 'fd', ['number', 'FileHandle'], fd);
  if (!Number.isInteger(fd) || fd < 0) throw err('ERR_OUT_OF_RANGE', 'fd', '>= 0', fd);
  const v = validate(stream, headers, options);
  void handle;
  fs.fstat(fd, (e, stat) => {
    if (e) {
      if (typeof v.options.statCheck === 'function') {
        fail(stream, v.options, e);
        return;
      }
      // Without a statCheck Node responds first and only fails when reading: the stream is
      // then reset with INTERNAL_ERROR.
      if (stream.destroyed) return;
      stream.respond(v.h, { waitForTrailers: v.options.waitForTrailers === true });
      stream.close(2);
      return;
    }
    send(stream, fd, stat, v.h, v.options, () => {});
  });
}

function respondWithFile(stream, path, headers, options) {
  const v = validate(stream, headers, options);
  fs.open(path, 'r', (e, fd) => {
    if (e) {
      fail(stream, v.options, e);
      return;
    }
    let closed = false;
    const closeFd = () => {
      if (closed) return;
      closed = true;
      fs.close(fd, () => {});
    };
    fs.fstat(fd, (e2, stat) => {
      if (e2) {
        closeFd();
        fail(stream, v.options, e2);
        return;
      }
      send(stream, fd, stat, v.h, v.options, closeFd);
    });
  });
}

module.exports = { respondWithFD, respondWithFile };
