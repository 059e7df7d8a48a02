const { StringDecoder } = require('string_decoder');
const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const state = (d) => [d.lastChar, d.lastNeed, d.lastTotal];
t('fresh', () => state(new StringDecoder('utf8')));
t('after partial', () => { const d = new StringDecoder('utf8'); d.write(Buffer.from([0xe2, 0x82])); return state(d); });
t('after 1 of 4', () => { const d = new StringDecoder('utf8'); d.write(Buffer.from([0xf0])); return state(d); });
t('after complete', () => { const d = new StringDecoder('utf8'); d.write(Buffer.from([0xe2])); d.write(Buffer.from([0x82, 0xac])); return state(d); });
t('utf16 odd', () => { const d = new StringDecoder('utf16le'); d.write(Buffer.from([0x61])); return state(d); });
t('utf16 high', () => { const d = new StringDecoder('utf16le'); d.write(Buffer.from([0x3d, 0xd8])); return state(d); });
t('base64 2', () => { const d = new StringDecoder('base64'); d.write(Buffer.from([1, 2])); return state(d); });
t('after end', () => { const d = new StringDecoder('utf8'); d.write(Buffer.from([0xe2])); d.end(); return state(d); });
t('decoder inspect', () => new StringDecoder('hex'));
t('decoder partial inspect', () => { const d = new StringDecoder('utf8'); d.write(Buffer.from([0xe2, 0x82])); return d; });
t('keys', () => Object.keys(new StringDecoder()));
t('proto', () => Object.getOwnPropertyNames(StringDecoder.prototype));
t('text', () => new StringDecoder('utf8').text(Buffer.from('hello'), 2));
t('text resets', () => { const d = new StringDecoder('utf8'); d.write(Buffer.from([0xe2])); return [d.text(Buffer.from('€x'), 0), d.lastNeed]; });
t('text partial', () => { const d = new StringDecoder('utf8'); return [d.text(Buffer.from('a€'), 0), d.text(Buffer.from('a€').subarray(0, 3), 0), d.lastNeed]; });
t('encodings', () => ['utf8', 'UTF-8', 'ucs2', 'UTF16LE', 'binary', 'latin1', 'ascii', 'base64', 'base64url', 'hex', null, undefined, '']
  .map((e) => new StringDecoder(e).encoding));
t('bad encoding', () => new StringDecoder('utf-16'));
t('bad encoding obj', () => new StringDecoder({}));
t('bad encoding num', () => new StringDecoder(8));
t('write number', () => new StringDecoder().write(1));
t('write null', () => new StringDecoder().write(null));
t('write array', () => new StringDecoder().write([0x61]));
t('write arraybuffer', () => new StringDecoder().write(new ArrayBuffer(2)));
t('end bad', () => new StringDecoder().end(5));
t('end undefined', () => new StringDecoder().end(undefined));
t('end string', () => new StringDecoder().end('str'));
t('node:string_decoder', () => require('node:string_decoder').StringDecoder === StringDecoder);
