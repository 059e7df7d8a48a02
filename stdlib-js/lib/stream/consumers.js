'use strict';
// node:stream/consumers - read a whole stream (a Node Readable, a web ReadableStream, or any
// async iterable) into an ArrayBuffer, a Blob, a Buffer, a string (UTF-8) or parsed JSON.

async function blob(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  const { Blob } = require('buffer');
  return new Blob(chunks);
}

async function arrayBuffer(stream) {
  const whole = await blob(stream);
  return whole.arrayBuffer();
}

async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

async function text(stream) {
  const decoder = new TextDecoder();
  let str = '';
  for await (const chunk of stream) {
    if (typeof chunk === 'string') str += chunk;
    else str += decoder.decode(chunk, { stream: true });
  }
  // An incomplete character at the end becomes U+FFFD.
  str += decoder.decode(undefined, { stream: false });
  return str;
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

module.exports = { arrayBuffer, blob, buffer, text, json };
