const { Blob, File, Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
async function main() {
  const src = Buffer.from('xyz');
  const blob = new Blob(['ab', src, new Uint8Array([0x21]), new ArrayBuffer(1), new Blob(['!'])], { type: 'Text/Plain' });
  src[0] = 0x51; // later changes do not show
  t('blob', () => blob);
  t('size/type', () => [blob.size, blob.type]);
  console.log('text', JSON.stringify(await blob.text()));
  const ab = await blob.arrayBuffer();
  console.log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength, Buffer.from(ab));
  const s = blob.slice(1, 4, 'a/b');
  t('slice', () => [s.size, s.type]);
  console.log('slice text', await s.text());
  console.log('slice neg', await blob.slice(-3).text(), await blob.slice(-3, -1).text(), await blob.slice(5, 2).text());
  t('empty', () => new Blob());
  t('empty list', () => [new Blob([]).size, new Blob([]).type]);
  t('type non-ascii', () => new Blob([], { type: 'é' }).type);
  t('numbers', () => new Blob([1, 2]).size);
  t('bad sources', () => new Blob('abc'));
  t('bad sources num', () => new Blob(5));
  t('bad sources null', () => new Blob(null));
  t('bad options', () => new Blob([], 5));
  t('bad endings', () => new Blob([], { endings: 'x' }));
  t('toStringTag', () => Object.prototype.toString.call(blob));
  t('instanceof', () => [blob instanceof Blob, new File([], 'f') instanceof Blob]);
  const f = new File(['hello'], 'a.txt', { type: 'text/plain', lastModified: 1234 });
  t('file', () => f);
  t('file props', () => [f.name, f.size, f.type, f.lastModified]);
  console.log('file text', await f.text());
  t('file no name', () => new File(['x']));
  t('file lastModified default', () => typeof new File([], 'x').lastModified);
  t('file toStringTag', () => Object.prototype.toString.call(f));
  t('file slice is Blob', () => f.slice(0, 2).constructor.name);
}
main();
