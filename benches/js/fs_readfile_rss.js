// Peak memory of reading a 1 MiB file 6000 times, each result dropped at once: readFileSync,
// then fs.promises.readFile 16 in flight, in separate processes. argv[2]: the fixtures
// directory; argv[3]: 'sync' or 'promises'. Prints the process's peak RSS in KiB.
const fs = require('fs');
const file = `${process.argv[2]}/1mib`;
const total = 6000;
let bytes = 0;
function report() {
  if (bytes !== total * 1048576) throw new Error(`read ${bytes} bytes`);
  console.log(process.resourceUsage().maxRSS);
}
if (process.argv[3] === 'sync') {
  for (let i = 0; i < total; i++) bytes += fs.readFileSync(file).length;
  report();
} else {
  let left = total;
  const worker = async () => {
    while (left-- > 0) {
      const buf = await fs.promises.readFile(file);
      bytes += buf.length;
    }
  };
  Promise.all(Array.from({ length: 16 }, worker)).then(report);
}
