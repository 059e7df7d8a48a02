// node:vm: scripts in this context and in new ones, with sandboxes kept in step.
const vm = require('vm');
console.log(vm.runInThisContext('1 + 2'));
const s = { a: 1, log: [] };
console.log(vm.runInNewContext('x = a + 1; log.push(typeof require); this.y = 5; a * 10', s));
console.log(s.x, s.y, s.log, vm.isContext(s));
const ctx = vm.createContext({ n: 1 });
vm.runInContext('n += 1; var v = "var"', ctx);
vm.runInContext('n += 1', ctx);
console.log(ctx.n, ctx.v, vm.isContext(ctx));
const ab = vm.runInNewContext('new ArrayBuffer(4)');
console.log(ab instanceof ArrayBuffer, Object.prototype.toString.call(ab), Buffer.from(ab).length);
const arr = vm.runInNewContext('[1, 2]');
console.log(Array.isArray(arr), arr instanceof Array, require('util').types.isUint8Array(vm.runInNewContext('new Uint8Array(2)')));
console.log(require('util').inspect(vm.runInNewContext('({ a: [1, { b: new Map([[1, 2]]) }] })')));
try { vm.runInNewContext('throw new TypeError("inner")'); } catch (e) { console.log(e instanceof TypeError, e.name, e.message); }
try { new vm.Script('let let = 1', { filename: 'bad.js' }).runInThisContext(); } catch (e) { console.log(e.name, e.message); }
const fn = vm.compileFunction('return a + b', ['a', 'b']);
console.log(fn(2, 3));
const assert = require('assert');
try { assert.deepStrictEqual(vm.runInNewContext("({ a: 1 })"), { a: 1 }); } catch (e) { console.log(e.code, e.message.split("\n")[0]); }
console.log('deepStrictEqual across contexts ok');
