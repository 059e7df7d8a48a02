const { StringDecoder } = require('string_decoder');
const { Buffer } = require('buffer');
const show = (s) => JSON.stringify(s);
function run(label, chunks, enc) {
  const d = new StringDecoder(enc);
  const out = chunks.map((c) => show(d.write(Buffer.from(c))));
  out.push(`end=${show(d.end())}`);
  console.log(label, d.encoding, out.join(' '));
}
const bytes = [0xfb, 0xff, 0xbe, 0x00, 0x41, 0x42, 0x43];
for (const enc of ['base64', 'base64url']) {
  run(`${enc} whole`, [bytes], enc);
  run(`${enc} 1+6`, [bytes.slice(0, 1), bytes.slice(1)], enc);
  run(`${enc} 2+2+3`, [bytes.slice(0, 2), bytes.slice(2, 4), bytes.slice(4)], enc);
  run(`${enc} bytes`, bytes.map((b) => [b]), enc);
  run(`${enc} 4`, [bytes.slice(0, 4)], enc);
  run(`${enc} 5`, [bytes.slice(0, 5)], enc);
  run(`${enc} empty`, [[]], enc);
}
for (const enc of ['hex', 'latin1', 'binary', 'ascii', 'HEX', 'Latin1']) {
  run(`${enc} whole`, [[0x00, 0x7f, 0x80, 0xe9, 0xff]], enc);
  run(`${enc} split`, [[0x61], [0xe9, 0x62], []], enc);
}
const d = new StringDecoder('base64');
console.log('end buf', show(d.end(Buffer.from([1, 2, 3, 4]))), show(d.end()));
console.log('end buf partial', show(new StringDecoder('base64').end(Buffer.from([1]))));
