// fs.promises.writeFile of 10k small files (64 in flight) into a fresh directory, removed after.
// argv[2]: the fixtures directory.
const fs = require('fs');
const dir = fs.mkdtempSync(`${process.argv[2]}/w-`);
const data = 'x'.repeat(100);
let next = 0;
async function worker() {
  while (next < 10000) {
    const i = next++;
    await fs.promises.writeFile(`${dir}/${i}`, data);
  }
}
Promise.all(Array.from({ length: 64 }, worker)).then(() => {
  if (fs.readdirSync(dir).length !== 10000) throw new Error('files missing');
  fs.rmSync(dir, { recursive: true });
});
