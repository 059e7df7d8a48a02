// fs.opendir / opendirSync / fs.promises.opendir: Dir read one entry at a time (sync, callback,
// promise, async iteration), closing rules and errors.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-dir-'));
const short = (msg) => msg.split(dir).join('<dir>');
for (const name of ['a.txt', 'b.txt']) fs.writeFileSync(path.join(dir, name), name);
fs.mkdirSync(path.join(dir, 'sub'));
fs.writeFileSync(path.join(dir, 'sub', 'c.txt'), 'c');

const d = fs.opendirSync(dir);
console.log('Dir', d instanceof fs.Dir, short(d.path));
const names = [];
let entry;
while ((entry = d.readSync()) !== null) names.push(`${entry.name}:${entry.isDirectory()}:${short(entry.parentPath)}`);
console.log('readSync', names.sort().join(' '));
d.closeSync();
for (const [label, fn] of [
  ['read after close', () => d.readSync()],
  ['close twice', () => d.closeSync()],
  ['missing', () => fs.opendirSync(path.join(dir, 'nope'))],
  ['not a dir', () => fs.opendirSync(path.join(dir, 'a.txt'))],
  ['bufferSize', () => fs.opendirSync(dir, { bufferSize: 0 })],
]) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.code, short(e.message));
  }
}
const busy = fs.opendirSync(dir);
busy.read(() => {});
try {
  busy.readSync();
} catch (e) {
  console.log('concurrent', e.code);
}

fs.opendir(dir, { recursive: true }, (err, rd) => {
  console.log('callback', err);
  const seen = [];
  const next = () => rd.read((err, ent) => {
    if (ent === null) {
      console.log('recursive', seen.sort().join(' '));
      rd.close(async (err) => {
        console.log('closed', err);
        const pd = await fs.promises.opendir(dir, { encoding: 'buffer' });
        const got = [];
        for await (const e of pd) got.push(Buffer.isBuffer(e.name));
        console.log('async iteration', got.length, got.every(Boolean));
        await pd.close().catch((e) => console.log('closed by iteration', e.code));
        fs.rmSync(dir, { recursive: true });
      });
      return;
    }
    seen.push(`${short(ent.parentPath)}/${ent.name}`);
    next();
  });
  next();
});
