const { Buffer } = require('buffer');
const b = Buffer.alloc(4);
try {
  b.writeUInt16LE(70000, 0);
} catch (e) {
  console.log(String(e));
  console.log(e.stack.split('\n')[0]);
}
b.readUInt32BE(2);
