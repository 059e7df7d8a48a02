const { Buffer } = require('buffer');
const a = Buffer(3);
const b = new Buffer('hi');
const c = Buffer([1, 2]);
const d = new Buffer(new ArrayBuffer(4), 1, 2);
console.log(a, b, c, d);
try { Buffer(2, 'utf8'); } catch (e) { console.log(e.code, e.message); }
try { Buffer(-1); } catch (e) { console.log(e.code, e.message); }
console.log(Buffer.from('ab').map((x) => x + 1));
process.on('warning', (w) => console.log('warning event', w.name, w.code));
