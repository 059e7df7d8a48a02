// 100k statSync calls on one file. argv[2]: the fixtures directory.
const fs = require('fs');
const file = `${process.argv[2]}/1mib`;
let size = 0;
for (let i = 0; i < 100000; i++) size += fs.statSync(file).size;
if (size !== 100000 * 1048576) throw new Error('wrong size');
