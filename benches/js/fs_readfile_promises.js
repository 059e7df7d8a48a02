// fs.promises.readFile of a 1 MiB file 2000 times, 16 in flight. argv[2]: the fixtures directory.
const fs = require('fs');
const file = `${process.argv[2]}/1mib`;
let left = 2000;
let bytes = 0;
async function worker() {
  while (left-- > 0) {
    const buf = await fs.promises.readFile(file);
    bytes += buf.length;
  }
}
Promise.all(Array.from({ length: 16 }, worker)).then(() => {
  if (bytes !== 2000 * 1048576) throw new Error(`read ${bytes} bytes`);
});
