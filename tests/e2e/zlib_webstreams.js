'use strict';
// CompressionStream / DecompressionStream: round trips in every format, decoding what node:zlib
// made, errors for bad and truncated data, format validation, brand checks.
const zlib = require('zlib');
const text = require('./zlib/text.js')(200 * 1024);

async function collect(readable) {
  const chunks = [];
  for await (const chunk of readable) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function through(stream, data, pieces = 1) {
  const writer = stream.writable.getWriter();
  const step = Math.ceil(data.length / pieces);
  const written = (async () => {
    for (let i = 0; i < data.length; i += step) await writer.write(data.subarray(i, i + step));
    await writer.close();
  })();
  const [out] = await Promise.all([collect(stream.readable), written]);
  return out;
}

(async () => {
  for (const format of ['gzip', 'deflate', 'deflate-raw']) {
    const packed = await through(new CompressionStream(format), text, 7);
    const unpacked = await through(new DecompressionStream(format), packed, 13);
    console.log(format, 'round trip', unpacked.equals(text), packed.length < text.length);
    const viaPipe = await collect(new Blob([text]).stream()
      .pipeThrough(new CompressionStream(format)).pipeThrough(new DecompressionStream(format)));
    console.log(format, 'pipeThrough', viaPipe.equals(text));
  }
  const fromNode = await through(new DecompressionStream('gzip'), zlib.gzipSync('made by zlib'));
  console.log('decodes zlib.gzipSync:', fromNode.toString());
  const toNode = await through(new CompressionStream('deflate-raw'), Buffer.from('for zlib'));
  console.log('zlib.inflateRawSync decodes it:', zlib.inflateRawSync(toNode).toString());
  const chunkType = await (async () => {
    const cs = new CompressionStream('gzip');
    const w = cs.writable.getWriter();
    w.write(new Uint8Array([1, 2, 3]));
    w.close();
    const reader = cs.readable.getReader();
    const { value } = await reader.read();
    return Object.prototype.toString.call(value);
  })();
  console.log('chunks are', chunkType);

  for (const [format, data] of [['gzip', Buffer.from('not gzip at all')],
    ['deflate', zlib.deflateSync('cut short').subarray(0, 6)]]) {
    const ds = new DecompressionStream(format);
    const writer = ds.writable.getWriter();
    const writing = writer.write(data).then(() => writer.close()).catch((e) => `writer: ${e.message}`);
    const reading = collect(ds.readable).then(() => 'no error', (e) => `reader: ${e.code} ${e.message}`);
    console.log(format, 'bad data ->', await reading, '|', await writing);
  }

  for (const bad of [undefined, 'zip', 'GZIP', 1, {}]) {
    try {
      new CompressionStream(bad);
    } catch (e) {
      console.log('format', String(bad), e.name, e.code, e.message);
    }
  }
  try {
    Reflect.get(DecompressionStream.prototype, 'writable', {});
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  const cs = new CompressionStream('gzip');
  console.log(Object.prototype.toString.call(cs), Object.keys(Object.getOwnPropertyDescriptors(
    CompressionStream.prototype)).join(','));
  console.log(cs);
  console.log(CompressionStream === require('stream/web').CompressionStream,
              DecompressionStream === require('stream/web').DecompressionStream);
})();
