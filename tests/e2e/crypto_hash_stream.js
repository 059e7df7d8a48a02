// Hash and Hmac as Transform streams: write/end/read, 'data' and 'end', pipe from a Readable,
// pipeline, defaultEncoding, copy() in the middle of a stream, and digest() after streaming.
const crypto = require('crypto');
const { Readable, pipeline, Transform } = require('stream');

console.log(crypto.createHash('sha1') instanceof Transform, crypto.Hash('sha1') instanceof crypto.Hash);
console.log(crypto.createHmac('sha1', 'k') instanceof Transform, crypto.Hmac('sha1', 'k') instanceof crypto.Hmac);
console.log(crypto.Hash.length, crypto.Hmac.length, crypto.createHash('md5').constructor.name);

{
  const h = crypto.createHash('sha256');
  h.write('hello ');
  h.end('world');
  console.log('read', h.read().toString('hex'));
}
{
  const h = crypto.createHash('sha512');
  h.end();
  console.log('empty read', h.read().toString('hex').slice(0, 32));
}
{
  const h = crypto.createHash('md5');
  const chunks = [];
  h.on('data', (c) => chunks.push(c));
  h.on('end', () => console.log('data+end', Buffer.concat(chunks).toString('hex')));
  h.write('a');
  h.write(Buffer.from('b'));
  h.end('c');
}
{
  // defaultEncoding decides how written strings become bytes.
  for (const options of [undefined, {}, { defaultEncoding: 'utf8' }, { defaultEncoding: 'latin1' }]) {
    const h = crypto.createHash('sha256', options);
    let out = '';
    h.on('data', (d) => { out += d.toString('hex'); });
    h.on('end', () => console.log('defaultEncoding', JSON.stringify(options), out));
    h.write('öäü');
    h.end();
  }
}
{
  // Piping 64 chunks of 16 KiB from a Readable.
  const chunk = Buffer.alloc(16384, 'x');
  let n = 0;
  const src = new Readable({
    read() { this.push(n++ < 64 ? chunk : null); },
  });
  const h = crypto.createHash('sha256');
  src.pipe(h).on('finish', () => {
    console.log('pipe', h.read().toString('hex'));
    console.log('same as update', crypto.createHash('sha256').update(Buffer.alloc(64 * 16384, 'x')).digest('hex'));
  });
}
{
  const h = crypto.createHmac('sha256', 'secret');
  pipeline(Readable.from(['a', 'b', 'c']), h, (err) => {
    console.log('pipeline hmac', err, h.read().toString('hex'));
  });
}
{
  // copy() keeps the state so far; the original goes on independently.
  const h = crypto.createHash('sha256');
  h.update('one ');
  const c1 = h.copy();
  h.update('two');
  const c2 = h.copy();
  console.log('copy', c1.digest('hex'), c2.digest('hex'), h.digest('hex'));
  console.log('copy is Hash', c1 instanceof crypto.Hash);
  const x = crypto.createHash('shake256', { outputLength: 4 }).update('x');
  console.log('xof copy', x.copy().digest('hex'), x.copy({ outputLength: 8 }).digest('hex'), x.digest('hex'));
  // A copy is a stream too.
  const s = crypto.createHash('sha1').update('ab').copy();
  s.end('c');
  console.log('copy stream', s.read().toString('hex'));
}
{
  // Streaming and update() feed the same state.
  const h = crypto.createHash('sha1');
  h.update('a');
  h.write('b');
  h.on('finish', () => console.log('mixed', h.read().toString('hex'), crypto.createHash('sha1').update('abc').digest('hex')));
  h.end('c');
}
{
  // Hmac: a second digest() is empty instead of an error.
  const m = crypto.createHmac('sha1', 'key').update('data');
  console.log('hmac twice', m.digest('hex'), JSON.stringify(m.digest('hex')), m.digest(), JSON.stringify(m.digest('base64')));
}
{
  // A string, then bytes, then a copy: every order of inputs hashes the same bytes.
  const bytes = Buffer.from('two ');
  const a = crypto.createHash('sha1').update('one ').update(bytes);
  bytes.fill(0); // changing a buffer after update() does not change what was hashed
  const b = a.copy().update('three');
  console.log('order', a.digest('hex'), b.digest('hex'));
  console.log('check', crypto.createHash('sha1').update('one two ').digest('hex'),
              crypto.createHash('sha1').update('one two three').digest('hex'));
  const c = crypto.createHash('md5').update('ab', 'hex');
  c.end('cd');
  console.log('string then stream', c.read().toString('hex'), crypto.createHash('md5').update(Buffer.from('abcd', 'latin1').subarray(0, 0)).update(Buffer.concat([Buffer.from('ab', 'hex'), Buffer.from('cd')])).digest('hex'));
  const x = crypto.createHash('shake128', { outputLength: 5 }).update('abc');
  console.log('xof pending', x.digest('hex'), crypto.createHash('shake128', { outputLength: 0 }).update('abc').digest('hex') === '');
}
