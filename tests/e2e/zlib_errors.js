'use strict';
// node:zlib's errors and edge cases, sync and callback: data errors (codes, errno, messages),
// truncated input, dictionaries, option validation, maxOutputLength, info, input types,
// trailing data, crc32, the legacy constants. The callback forms run one after another.
const zlib = require('zlib');
const show = (label, f) => {
  try { const r = f(); console.log(label, 'ok', Buffer.isBuffer(r) ? r.toString('hex').slice(0, 40) : r); }
  catch (e) { console.log(label, e.name, e.code, e.errno, JSON.stringify(e.message)); }
};
const gz = zlib.gzipSync('hello world hello world');
show('inflate junk', () => zlib.inflateSync(Buffer.from('not compressed at all')));
show('gunzip junk', () => zlib.gunzipSync(Buffer.from('not compressed at all')));
show('unzip junk', () => zlib.unzipSync(Buffer.from('not compressed at all')));
show('inflateRaw junk', () => zlib.inflateRawSync(Buffer.from([0xff, 0xff, 0xff, 0xff])));
show('gunzip trunc', () => zlib.gunzipSync(gz.subarray(0, gz.length - 4)));
show('gunzip trunc sync-flush', () => zlib.gunzipSync(gz.subarray(0, 15), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString());
show('gunzip bad crc', () => { const b = Buffer.from(gz); b[b.length - 6] ^= 1; return zlib.gunzipSync(b); });
show('gunzip bad len', () => { const b = Buffer.from(gz); b[b.length - 2] ^= 1; return zlib.gunzipSync(b); });
show('inflate bad adler', () => { const b = zlib.deflateSync('abc'); b[b.length - 1] ^= 1; return zlib.inflateSync(b); });
show('brotli junk', () => zlib.brotliDecompressSync(Buffer.from('not compressed at all')));
show('brotli trunc', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('hello world').subarray(0, 4)));
show('dict missing', () => zlib.inflateSync(zlib.deflateSync('abc', { dictionary: Buffer.from('abcdef') })));
show('dict wrong', () => zlib.inflateSync(zlib.deflateSync('abc', { dictionary: Buffer.from('abcdef') }), { dictionary: Buffer.from('xyz') }));
show('dict right', () => zlib.inflateSync(zlib.deflateSync('abc', { dictionary: Buffer.from('abcdef') }), { dictionary: Buffer.from('abcdef') }).toString());
show('dict raw', () => zlib.inflateRawSync(zlib.deflateRawSync('abcabc', { dictionary: Buffer.from('abcdef') }), { dictionary: Buffer.from('abcdef') }).toString());
show('level 10', () => zlib.deflateSync('a', { level: 10 }));
show('windowBits 16', () => zlib.deflateSync('a', { windowBits: 16 }));
show('windowBits 8 gzip', () => zlib.gzipSync('a', { windowBits: 8 }));
show('windowBits 8 raw', () => zlib.inflateRawSync(zlib.deflateRawSync('aaa', { windowBits: 8 }), {windowBits: 8}).toString());
show('windowBits 8 deflate', () => zlib.inflateSync(zlib.deflateSync('aaa', { windowBits: 8 })).toString());
show('memLevel 0', () => zlib.deflateSync('a', { memLevel: 0 }));
show('strategy 5', () => zlib.deflateSync('a', { strategy: 5 }));
show('chunkSize 63', () => zlib.deflateSync('a', { chunkSize: 63 }));
show('chunkSize str', () => zlib.deflateSync('a', { chunkSize: '1' }));
show('maxOutputLength 0', () => zlib.deflateSync('a', { maxOutputLength: 0 }));
show('maxOutputLength big', () => zlib.deflateSync('a', { maxOutputLength: 2 ** 33 }));
show('maxOutputLength ok', () => zlib.inflateSync(zlib.deflateSync('aaaaaaaaaa'), { maxOutputLength: 10 }).toString());
show('maxOutputLength hit', () => zlib.inflateSync(zlib.deflateSync('aaaaaaaaaaa'), { maxOutputLength: 10 }));
show('dict type', () => zlib.deflateSync('a', { dictionary: 'x' }));
show('dict ab', () => zlib.inflateSync(zlib.deflateSync('abc', { dictionary: new Uint8Array([97,98]).buffer }), { dictionary: new Uint8Array([97,98]).buffer }).toString());
show('input null', () => zlib.deflateSync(null));
show('input number', () => zlib.gzipSync(5));
show('input ab', () => zlib.gunzipSync(zlib.gzipSync(new Uint8Array([1,2,3]).buffer)).toString('hex'));
show('input u16', () => zlib.gunzipSync(zlib.gzipSync(new Uint16Array([1,2,3]))).toString('hex'));
show('input dv', () => zlib.gunzipSync(zlib.gzipSync(new DataView(new Uint8Array([4,5]).buffer))).toString('hex'));
show('brotli param', () => zlib.brotliCompressSync('a', { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 12 } }).length);
show('brotli param bad', () => zlib.brotliCompressSync('a', { params: { 42: 1 } }));
show('brotli param str', () => zlib.brotliCompressSync('a', { params: { 1: '4' } }));
show('brotli mode text', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('hello', { params: { 0: 1, 1: 4, 2: 10, 5: 5 } })).toString());
show('brotli lgwin 9', () => zlib.brotliCompressSync('a', { params: { 2: 9 } }).length);
show('brotli lgwin 25', () => zlib.brotliCompressSync('a', { params: { 2: 25 } }).length);
show('brotli lgblock 99', () => zlib.brotliCompressSync('a', { params: { 3: 99 } }).length);
show('brotli mode 99', () => zlib.brotliCompressSync('a', { params: { 0: 99 } }).length);
show('brotli large window', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('hello', { params: { 6: 1, 2: 28 } }), { params: { 1: 1 } }).toString());
show('brotli decoder param 2', () => zlib.brotliDecompressSync(Buffer.alloc(0), { params: { 2: 1 } }));
show('brotli flush 4', () => zlib.brotliCompressSync('a', { flush: 4 }));
show('crc32', () => [zlib.crc32('hello'), zlib.crc32(Buffer.from('world'), zlib.crc32('hello ')), zlib.crc32(new Uint16Array([1, 2])), zlib.crc32('')]);
show('crc32 bad', () => zlib.crc32({}));
show('crc32 value', () => zlib.crc32('a', 'b'));
show('empty gunzip', () => zlib.gunzipSync(Buffer.alloc(0)));
show('empty inflateRaw', () => zlib.inflateRawSync(Buffer.alloc(0)));
show('empty brotli', () => zlib.brotliDecompressSync(Buffer.alloc(0)));
show('empty unzip', () => zlib.unzipSync(Buffer.alloc(0)));
show('unzip deflate', () => zlib.unzipSync(zlib.deflateSync('via unzip')).toString());
show('unzip gzip+garbage', () => zlib.unzipSync(Buffer.concat([zlib.gzipSync('a'), Buffer.from('garbage')])).toString());
show('gunzip gzip+garbage', () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync('a'), Buffer.from('garbage')])).toString());
show('gunzip gzip+zeros+gzip', () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync('a'), Buffer.alloc(3), zlib.gzipSync('b')])).toString());
show('inflate+garbage', () => zlib.inflateSync(Buffer.concat([zlib.deflateSync('a'), Buffer.from('garbage')])).toString());
show('brotli+garbage', () => zlib.brotliDecompressSync(Buffer.concat([zlib.brotliCompressSync('a'), Buffer.from('garbage')])).toString());
show('info', () => { const r = zlib.gzipSync('abc', { info: true }); return [Object.keys(r), r.engine.constructor.name, r.engine.bytesWritten, r.engine._handle, zlib.gunzipSync(r.buffer).toString()]; });
show('legacy', () => [zlib.Z_OK, zlib.Z_BEST_COMPRESSION, zlib.BROTLI_PARAM_MODE, zlib.DEFLATE, Object.keys(zlib).length, zlib.codes.Z_DATA_ERROR, zlib.codes[-3]]);
const run = (fn, ...args) => new Promise((resolve) => fn(...args, (...r) => resolve(r)));
(async () => {
  for (const fn of ['deflate', 'inflate', 'gzip', 'gunzip', 'unzip', 'deflateRaw', 'inflateRaw',
    'brotliCompress', 'brotliDecompress']) {
    const [err, res] = await run(zlib[fn], Buffer.from('definitely not valid'));
    console.log('async', fn, err && [err.code, err.errno, err.message], res && res.length);
  }
  let [err] = await run(zlib.gunzip, gz.subarray(0, 10));
  console.log('async trunc', err.code, err.message);
  let r;
  [err, r] = await run(zlib.inflate, zlib.deflateSync('aaaaaaaaaaaaaaaa'), { maxOutputLength: 10 });
  console.log('async max', err && [err.name, err.code, err.message], r);
  [err, r] = await run(zlib.gzip, 'info', { info: true });
  console.log('async info', err, r.buffer.length > 0, r.engine.constructor.name, r.engine._handle);
  try { zlib.gzip('x', { level: 99 }, () => {}); } catch (e) { console.log('async level', e.code, e.message); }
  try { zlib.gzip(123, () => {}); } catch (e) { console.log('async input', e.code, e.message); }
  try { zlib.gzip('x', {}); } catch (e) { console.log('async nocb', e.code, e.message); }
  [err, r] = await run(zlib.gzip, null);
  console.log('async null', err, zlib.gunzipSync(r).length);
  [err, r] = await run(zlib.gzip, undefined);
  console.log('async undefined', err, zlib.gunzipSync(r).length);
  [err, r] = await run(zlib.brotliDecompress, Buffer.from('G38A+CXCIrFAIAM=', 'base64'), { maxOutputLength: 64 });
  console.log('async brotli max', err.name, err.code, err.message);
  // A data error as util.inspect shows it.
  try {
    zlib.inflateSync(Buffer.from('plain text, not zlib'));
  } catch (e) {
    console.log(e);
  }
  [err] = await run(zlib.gunzip, Buffer.from('plain text, not gzip'));
  console.log(err);
})();
