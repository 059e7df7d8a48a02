const { StringDecoder } = require('string_decoder');
const { Buffer } = require('buffer');
const show = (s) => JSON.stringify(s);
function run(label, chunks, enc = 'utf16le') {
  const d = new StringDecoder(enc);
  const out = chunks.map((c) => show(d.write(Buffer.from(c))));
  out.push(`end=${show(d.end())}`);
  console.log(label, out.join(' '), d.lastNeed, d.lastTotal);
}
const smile = [...Buffer.from('😍', 'utf16le')];
run('whole', [[...Buffer.from('ab€', 'utf16le')]]);
run('odd split', [[0x61], [0x00, 0x62], [0x00]]);
run('pair 2+2', [smile.slice(0, 2), smile.slice(2)]);
run('pair 1+3', [smile.slice(0, 1), smile.slice(1)]);
run('pair 3+1', [smile.slice(0, 3), smile.slice(3)]);
run('pair bytes', smile.map((b) => [b]));
run('high at end', [[0x61, 0x00, 0x3d, 0xd8]]);
run('odd at end', [[0x61, 0x00, 0x62]]);
run('high then text', [[0x3d, 0xd8], [0x61, 0x00]]);
run('low alone', [[0x4d, 0xdc]]);
run('ucs2 alias', [[0x61, 0x00]], 'ucs2');
run('ucs-2 alias', [[0x61], [0x00]], 'UCS-2');
run('utf-16le alias', [[0x61, 0x00]], 'utf-16le');
run('long', [[...Buffer.from('x'.repeat(50) + '😍', 'utf16le')].slice(0, 103), [...Buffer.from('😍', 'utf16le')].slice(1)]);
for (const e of ['ucs2', 'utf16le']) {
  const d = new StringDecoder(e);
  console.log(e, d.encoding, show(d.write(Buffer.from([0x3d]))), show(d.end(Buffer.from([0xd8, 0x4d]))));
}
