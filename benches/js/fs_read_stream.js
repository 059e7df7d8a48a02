// createReadStream of a 512 MiB file, every chunk taken. argv[2]: the fixtures directory.
const fs = require('fs');
let bytes = 0;
fs.createReadStream(`${process.argv[2]}/512mib`)
  .on('data', (chunk) => { bytes += chunk.length; })
  .on('end', () => {
    if (bytes !== 512 * 1048576) throw new Error(`read ${bytes} bytes`);
  });
