// readFileSync of a 1 MiB file 3000 times. argv[2]: the fixtures directory.
const fs = require('fs');
const file = `${process.argv[2]}/1mib`;
let bytes = 0;
for (let i = 0; i < 3000; i++) bytes += fs.readFileSync(file).length;
if (bytes !== 3000 * 1048576) throw new Error(`read ${bytes} bytes`);
