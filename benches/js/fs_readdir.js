// readdirSync of a directory of 10k entries, 50 times. argv[2]: the fixtures directory.
const fs = require('fs');
const dir = `${process.argv[2]}/10k`;
let n = 0;
for (let i = 0; i < 50; i++) n += fs.readdirSync(dir).length;
if (n !== 50 * 10000) throw new Error(`listed ${n}`);
