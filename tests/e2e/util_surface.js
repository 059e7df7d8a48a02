// util: Node 20 export list/order, lazy getters, types, deprecated is* helpers, _extend, errors map.
const util = require('util');
console.log(Object.keys(util).join(' '));
console.log(Object.keys(util.types).join(' '));
console.log(Object.getPrototypeOf(util.types) === Object.prototype);
for (const k of Object.keys(util)) { const d = Object.getOwnPropertyDescriptor(util, k); if (d.get) console.log(k, d.get.name, d.set && d.set.name, typeof util[k]); }
console.log(util.types.isKeyObject({}), util.types.isCryptoKey({}), util.types.isExternal({}));
const vals = [null, undefined, 0, 'x', true, Symbol('s'), /r/, new Date(0), new Error('e'), Object.create(Error.prototype), () => {}, {}, [], 1n, new Uint8Array(1)];
for (const f of ['isBoolean', 'isNull', 'isNullOrUndefined', 'isNumber', 'isString', 'isSymbol', 'isUndefined', 'isRegExp', 'isObject', 'isDate', 'isError', 'isFunction', 'isPrimitive', 'isBuffer', 'isArray']) {
  console.log(f.padEnd(18), vals.map((v) => (util[f](v) ? 1 : 0)).join(''));
}
console.log(util._extend({a: 1}, {b: 2, a: 3}), util._extend({a: 1}, null), util._extend({a: 1}, 5));
console.log(util.getSystemErrorName(-2), util.getSystemErrorName(-13), util.getSystemErrorName(-3008), util.getSystemErrorName(-4095), util.getSystemErrorName(-12345));
for (const v of [2, 0, 'x', 1.5, -1.5, NaN, -Infinity, 2 ** 60 * -1]) { try { util.getSystemErrorName(v); } catch (e) { console.log(e.name, e.code, e.message); } }
const m = util.getSystemErrorMap();
console.log(m.size, m.get(-2), m.get(-4095), [...m.keys()].slice(0, 5), m === util.getSystemErrorMap());
console.log(util.toUSVString('a\ud800b\udc00c\ud83d\ude00'));
console.log(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'));
console.log(util.debug === util.debuglog, typeof util.log, util.log.length, util.isBoolean.length);
console.log(util.TextEncoder === TextEncoder, util.TextDecoder === TextDecoder);
util.parseArgs = 5; console.log(util.parseArgs);
