'use strict';
// The body of a Request or Response (https://fetch.spec.whatwg.org/#bodies): extracting one
// from a BodyInit, the Body mixin (text/json/arrayBuffer/bytes/blob/formData), bodyUsed and
// clone (tee).
//
// The ReadableStream the standard puts in every body is made only when someone asks for
// `.body` (or a clone needs a tee): a body whose bytes are known (a string, a buffer, a Blob,
// FormData) or that arrives from the network (a PushSource fed by internal/fetch/fetch) is
// read straight from its source by text()/json()/... - most bodies are read that way. The
// state is one plain record per body:
//   stream  the ReadableStream, once made (then it is the truth for disturbed/locked)
//   bytes   the whole content, while no stream was made (Uint8Array, never handed out)
//   push    a PushSource (network), while no stream was made
//   source  what the body was made from (a redirect sends it again), length (or null)
//   used    false, or 'read' (consumed without a stream) or 'moved' (taken by a new Request)

const { kState: kStreamState } = require('internal/webstreams/readablestream');

// finished()'s view of a web stream: a deferred settled when it closes or errors.
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');

let formDataModule;
const formData = () => (formDataModule ??= require('internal/fetch/formdata'));
let blobModule;
const blobs = () => (blobModule ??= require('internal/buffer/blob'));
let urlModule;
const urls = () => (urlModule ??= require('internal/url'));

const kEmpty = new Uint8Array(0);
// Bytes a network body may hold before its producer is paused (and a stream's HWM).
const kHighWaterMark = 64 * 1024;

// ===== PushSource =====

/**
 * A body that arrives in chunks (the network). The transport calls push/end/fail; whoever
 * reads attaches one sink ({ chunk, end, error }) and gets what was buffered first. `hooks`
 * are the transport's pause/resume/cancel, and settled() once the reader has everything (or
 * the body failed or was cancelled): then the transport stops listening for an abort.
 */
class PushSource {
  constructor(hooks) {
    this.hooks = hooks;
    this.chunks = [];
    this.size = 0;
    this.state = 'open';
    this.error = undefined;
    this.sink = null;
  }

  push(chunk) {
    if (this.state !== 'open') return;
    if (this.sink !== null) {
      this.sink.chunk(chunk);
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size >= kHighWaterMark) this.hooks.pause();
  }

  end() {
    if (this.state !== 'open') return;
    this.state = 'ended';
    if (this.sink !== null) {
      this.sink.end();
      if (!this.sink.settlesItself) this.hooks.settled();
    }
  }

  fail(error) {
    if (this.state !== 'open') return;
    this.state = 'errored';
    this.error = error;
    this.chunks = [];
    if (this.sink !== null) this.sink.error(error);
    this.hooks.settled();
  }

  /**
   * The fetch was aborted: unless a reader already has every byte, the body errors with the
   * reason, even when all of it has arrived (as Node's fetch does).
   */
  abort(reason) {
    if (this.state === 'cancelled' || this.state === 'errored') return;
    if (this.sink !== null && this.state === 'ended') {
      // A stream still holding unread bytes errors too; a finished read stays as it is.
      if (this.sink.settlesItself) this.sink.error(reason);
      return;
    }
    this.state = 'open';
    this.fail(reason);
  }

  attach(sink) {
    this.sink = sink;
    const chunks = this.chunks;
    this.chunks = [];
    this.size = 0;
    for (const chunk of chunks) sink.chunk(chunk);
    if (this.state === 'ended') {
      sink.end();
      if (!sink.settlesItself) this.hooks.settled();
    } else if (this.state === 'errored') {
      sink.error(this.error);
    } else {
      this.hooks.resume();
    }
  }

  cancel(reason) {
    if (this.state === 'open') this.state = 'cancelled';
    this.hooks.cancel(reason);
    this.hooks.settled();
  }
}

// ===== body records =====

function newBody(fields) {
  return {
    stream: null, bytes: null, push: null, source: null, length: null, used: false, ...fields,
  };
}

function bodyFromBytes(bytes, source = bytes) {
  return newBody({ bytes, source, length: bytes.length });
}

function bodyFromPush(push) {
  return newBody({ push });
}

function bodyFromStream(stream) {
  return newBody({ stream });
}

function isReadableStream(value) {
  return typeof value === 'object' && value !== null && value[kStreamState]?.kind === 'ReadableStream';
}

function streamDisturbed(stream) {
  return stream[kStreamState].disturbed;
}

/**
 * The standard's "extract a body": { body, type } for a BodyInit (type is the Content-Type
 * it implies, or null). Strings and other objects become UTF-8 text.
 */
function extractBody(object, keepalive = false) {
  if (typeof object === 'string') {
    return { body: bodyFromBytes(encodeUtf8(object), object), type: 'text/plain;charset=UTF-8' };
  }
  if (typeof object === 'object' && object !== null) {
    if (isReadableStream(object)) {
      if (keepalive) throw new TypeError('keepalive');
      if (streamDisturbed(object) || object.locked) {
        throw new TypeError('Response body object should not be disturbed or locked');
      }
      return { body: bodyFromStream(object), type: null };
    }
    if (ArrayBuffer.isView(object)) {
      const bytes = new Uint8Array(new Uint8Array(object.buffer, object.byteOffset, object.byteLength));
      return { body: bodyFromBytes(bytes), type: null };
    }
    if (object instanceof ArrayBuffer ||
        (typeof SharedArrayBuffer === 'function' && object instanceof SharedArrayBuffer)) {
      return { body: bodyFromBytes(new Uint8Array(new Uint8Array(object))), type: null };
    }
    if (blobs().isBlob(object)) {
      const body = bodyFromBytes(blobs().blobBytes(object), object);
      return { body, type: object.type === '' ? null : object.type };
    }
    if (object instanceof urls().URLSearchParams) {
      const text = object.toString();
      return { body: bodyFromBytes(encodeUtf8(text), object), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
    }
    if (formData().isFormData(object)) {
      const { bytes, type } = formData().encodeMultipart(object);
      return { body: bodyFromBytes(bytes, object), type };
    }
    if (typeof object[Symbol.asyncIterator] === 'function') {
      if (keepalive) throw new TypeError('keepalive');
      return { body: bodyFromStream(streamFromAsyncIterable(object)), type: null };
    }
  }
  const text = `${object}`;
  return { body: bodyFromBytes(encodeUtf8(text), text), type: 'text/plain;charset=UTF-8' };
}

function encodeUtf8(string) {
  return binding.encoding.encodeUtf8(string);
}

function toUint8Array(chunk) {
  if (typeof chunk === 'string') return encodeUtf8(chunk);
  if (ArrayBuffer.isView(chunk)) {
    return new Uint8Array(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  if (chunk instanceof ArrayBuffer) return new Uint8Array(new Uint8Array(chunk));
  throw new TypeError('Received non-Uint8Array chunk');
}

/** A byte stream over an async iterable (a Node Readable, an async generator). */
function streamFromAsyncIterable(iterable) {
  let iterator;
  return new ReadableStream({
    type: 'bytes',
    async pull(controller) {
      iterator ??= iterable[Symbol.asyncIterator]();
      const { value, done } = await iterator.next();
      if (done) {
        controller.close();
        controller.byobRequest?.respond(0);
        return;
      }
      const bytes = toUint8Array(value);
      if (bytes.length > 0) controller.enqueue(bytes);
    },
    async cancel(reason) {
      await iterator?.return?.(reason);
    },
  });
}

// ===== the stream, on demand =====

/** The body's ReadableStream, made now if it was not yet. */
function getStream(body) {
  if (body.stream !== null) return body.stream;
  if (body.used !== false) {
    body.stream = spentStream(body.used === 'read');
  } else if (body.push !== null) {
    body.stream = streamFromPush(body.push);
    body.push = null;
  } else {
    const bytes = body.bytes;
    body.stream = new ReadableStream({
      type: 'bytes',
      start(controller) {
        if (bytes.length > 0) controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
    body.bytes = null;
  }
  return body.stream;
}

/** A closed, disturbed stream standing for a body read (locked) or moved elsewhere. */
function spentStream(locked) {
  const stream = new ReadableStream({ type: 'bytes', start(controller) { controller.close(); } });
  stream[kStreamState].disturbed = true;
  if (locked) stream.getReader();
  return stream;
}

function streamFromPush(push) {
  let controller;
  const stream = new ReadableStream({
    type: 'bytes',
    start(c) {
      controller = c;
    },
    pull() {
      push.hooks.resume();
    },
    cancel(reason) {
      push.cancel(reason);
    },
  }, { highWaterMark: kHighWaterMark });
  // Settled when the stream closes or errors (read to the end, cancelled, failed), not when
  // the network is done: until then an abort still errors it, as in Node.
  stream[kIsClosedPromise].promise.then(push.hooks.settled, push.hooks.settled);
  push.attach({
    settlesItself: true,
    chunk(chunk) {
      // A byte stream takes over the chunk's ArrayBuffer: give it a copy of its own.
      controller.enqueue(new Uint8Array(chunk));
      if (controller.desiredSize <= 0) push.hooks.pause();
    },
    end() {
      controller.close();
      // A pending BYOB read is answered with zero bytes once closed.
      controller.byobRequest?.respond(0);
    },
    error(err) {
      // An abort may come after the stream closed (all read): nothing to do then.
      if (stream[kStreamState].state === 'readable') controller.error(err);
    },
  });
  return stream;
}

// ===== state =====

function bodyDisturbed(body) {
  if (body === null) return false;
  if (body.stream !== null) return streamDisturbed(body.stream);
  return body.used !== false;
}

/** Disturbed or locked: text() and friends, clone() and new Request(req) refuse it. */
function bodyUnusable(body) {
  if (body === null) return false;
  if (body.stream !== null) return streamDisturbed(body.stream) || body.stream.locked;
  return body.used !== false;
}

/** A copy of the body for clone(): shares known bytes, tees a stream. */
function cloneBody(body) {
  if (body.stream === null && body.bytes !== null && body.used === false) {
    return newBody({ bytes: body.bytes, source: body.source, length: body.length });
  }
  const [a, b] = getStream(body).tee();
  body.stream = a;
  return newBody({ stream: b, source: body.source, length: body.length });
}

/** The body as a new Request takes it from its input (the input's body is used after). */
function takeBody(body) {
  const taken = newBody({ source: body.source, length: body.length });
  if (body.stream === null && body.used === false) {
    taken.bytes = body.bytes;
    taken.push = body.push;
    body.bytes = null;
    body.push = null;
  } else {
    taken.stream = getStream(body);
    body.stream = null;
  }
  body.used = 'moved';
  return taken;
}

// ===== reading =====

const unusable = () => new TypeError('Body is unusable: Body has already been read');

let DOMExceptionClass;
/** What text() and friends reject with once the fetch behind a response was aborted. */
function abortedError() {
  DOMExceptionClass ??= require('internal/encoding').DOMException;
  return new DOMExceptionClass('The operation was aborted.', 'AbortError');
}

/**
 * All the body's bytes (a Uint8Array the caller must not change; null body: empty).
 * `aborted`: the response's fetch was aborted before anyone read the body.
 */
function readAllBytes(body, aborted = false) {
  if (body === null) return Promise.resolve(kEmpty);
  if (bodyUnusable(body)) return Promise.reject(unusable());
  if (aborted) return Promise.reject(abortedError());
  if (body.stream === null) {
    body.used = 'read';
    if (body.push === null) {
      const bytes = body.bytes;
      body.bytes = null;
      return Promise.resolve(bytes);
    }
    const push = body.push;
    body.push = null;
    return new Promise((resolve, reject) => {
      const chunks = [];
      let length = 0;
      push.attach({
        chunk(chunk) {
          chunks.push(chunk);
          length += chunk.length;
        },
        end() {
          resolve(concat(chunks, length));
        },
        error: reject,
      });
    });
  }
  return readStream(body.stream.getReader());
}

async function readStream(reader) {
  const chunks = [];
  let length = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return concat(chunks, length);
    if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
    chunks.push(value);
    length += value.length;
  }
}

function concat(chunks, length) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let pos = 0;
  for (const chunk of chunks) {
    out.set(chunk, pos);
    pos += chunk.length;
  }
  return out;
}

function decodeText(bytes) {
  return binding.encoding.decodeUtf8(bytes, false, false);
}

/** The MIME type a body's headers give (serialized), or '' (Body.blob()'s type). */
function mimeTypeOf(list) {
  const value = list.get('content-type');
  if (value === null) return '';
  try {
    const { MIMEType } = require('internal/mime');
    return `${new MIMEType(value)}`;
  } catch {
    return '';
  }
}

function formDataOf(bytes, list) {
  const value = list.get('content-type');
  let mime = null;
  if (value !== null) {
    try {
      const { MIMEType } = require('internal/mime');
      mime = new MIMEType(value);
    } catch {
      // Not a MIME type: the error below.
    }
  }
  if (mime !== null && mime.essence === 'multipart/form-data') {
    const boundary = mime.params.get('boundary');
    if (boundary === null) throw new TypeError('Failed to parse body as FormData.');
    return formData().parseMultipart(bytes, boundary);
  }
  if (mime !== null && mime.essence === 'application/x-www-form-urlencoded') {
    return formData().parseUrlEncoded(decodeText(bytes));
  }
  throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
}

/**
 * Adds the Body mixin's methods to Request/Response. `access(obj)` returns { body, headers
 * list } and throws Illegal invocation for other objects.
 */
function defineBodyMixin(Class, access) {
  function consume(self, convert) {
    let state;
    try {
      state = access(self);
    } catch (err) {
      return Promise.reject(err);
    }
    return readAllBytes(state.body, state.aborted).then((bytes) => convert(bytes, state.list));
  }
  const methods = {
    blob() {
      return consume(this, (bytes, list) => {
        const { Blob } = require('buffer');
        return new Blob([bytes], { type: mimeTypeOf(list) });
      });
    },
    arrayBuffer() {
      return consume(this, (bytes) => new Uint8Array(bytes).buffer);
    },
    text() {
      return consume(this, decodeText);
    },
    json() {
      return consume(this, (bytes) => JSON.parse(decodeText(bytes)));
    },
    formData() {
      return consume(this, formDataOf);
    },
    bytes() {
      return consume(this, (bytes) => new Uint8Array(bytes));
    },
  };
  for (const name of ['blob', 'arrayBuffer', 'text', 'json', 'formData', 'bytes']) {
    Object.defineProperty(Class.prototype, name, {
      value: methods[name], writable: true, enumerable: true, configurable: true,
    });
  }
}

module.exports = {
  PushSource,
  bodyDisturbed,
  bodyFromBytes,
  bodyFromPush,
  bodyUnusable,
  cloneBody,
  defineBodyMixin,
  extractBody,
  getStream,
  isReadableStream,
  readAllBytes,
  takeBody,
  toUint8Array,
};
