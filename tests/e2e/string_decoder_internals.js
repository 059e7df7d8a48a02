// StringDecoder details Node's tests check: call without new, lastChar/lastNeed/lastTotal, text(), ERR_INVALID_THIS.
const assert = require('assert');
const { StringDecoder } = require('string_decoder');
const t = (name, fn) => { try { console.log(name, fn()); } catch (e) { console.log(name, 'THROWS', e.name, e.code, e.message); } };
t('call', () => { const d = {}; StringDecoder.call(d); return d.encoding; });
t('last', () => { const d = new StringDecoder('utf8'); d.write(Buffer.from('E1', 'hex')); return [d.lastChar, d.lastNeed, d.lastTotal, d.end()]; });
t('text', () => new StringDecoder('utf8').text(Buffer.from([0x41]), 2));
t('text2', () => new StringDecoder('utf8').text(Buffer.from('abc'), 1));
t('null', () => new StringDecoder('utf8').write(null));
t('proto write', () => new StringDecoder('utf8').__proto__.write(Buffer.from('abc')));
t('proto end', () => StringDecoder.prototype.end());
t('f69b', () => { const d = new StringDecoder('utf8'); return [d.write(Buffer.from('f69b', 'hex')), d.write(Buffer.from('d1', 'hex')), d.end(), d.write(Buffer.from('f4', 'hex')), d.write(Buffer.from('bde5', 'hex')), d.end()].map(escape); });
t('cesu', () => escape(new StringDecoder('utf8').write(Buffer.from('EDA0B5EDB08D', 'hex'))));
t('inspect', () => require('util').inspect(new StringDecoder('utf16le')));
t('end with buf', () => new StringDecoder('hex').end(Buffer.from([1, 2])));
t('base64 end', () => { const d = new StringDecoder('base64'); return [d.write(Buffer.from('ab')), d.end()]; });
