// fs.promises FileHandle: reads and writes, whole-file helpers, metadata, readLines, the 'close'
// event, close() waiting for operations in flight, use after close, and fs/promises' functions.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-fh-'));
const file = path.join(dir, 'handle.txt');
const short = (msg) => msg.split(dir).join('<dir>');

async function main() {
  console.log('same module', fsp === fs.promises);
  const h = await fsp.open(file, 'w+');
  console.log('instance', h.constructor.name, typeof h.fd, h instanceof require('events'));
  h.on('close', () => console.log('close event'));
  console.log('write', await h.write(Buffer.from('line one\n')));
  console.log('write string', (await h.write('line two\n', null, 'utf8')).bytesWritten);
  await h.writeFile('line three\n');
  await h.appendFile(Buffer.from('line four\n'));
  console.log('writev', (await h.writev([Buffer.from('five'), Buffer.from('\n')])).bytesWritten);
  const { bytesRead, buffer } = await h.read({ buffer: Buffer.alloc(8), position: 0 });
  console.log('read options', bytesRead, buffer.toString());
  console.log('read no args', (await h.read()).bytesRead);
  const parts = [Buffer.alloc(4), Buffer.alloc(4)];
  console.log('readv', (await h.readv(parts, 5)).bytesRead, parts.join('|'));
  const st = await h.stat();
  console.log('stat', st.size, st.isFile(), typeof (await h.stat({ bigint: true })).size);
  await h.truncate(18);
  await h.sync();
  await h.datasync();
  await h.chmod(0o640);
  await h.utimes(3000, 4000);
  const st2 = await h.stat();
  console.log('after', st2.size, (st2.mode & 0o777).toString(8), st2.atimeMs, st2.mtimeMs);
  console.log('readFile (from the current offset)', JSON.stringify(await h.readFile('utf8')));
  const pending = h.read(Buffer.alloc(4), 0, 4, 0);
  const closing = h.close();
  console.log('fd kept while a read is in flight', h.fd > 2);
  console.log('read in flight finished', (await pending).bytesRead);
  await closing;
  console.log('closed', h.fd);
  for (const name of ['read', 'write', 'stat', 'readFile', 'truncate']) {
    try {
      await h[name](name === 'write' ? 'x' : undefined);
    } catch (e) {
      console.log('after close', name, e.code, e.syscall, e.message);
    }
  }
  console.log('close again', await h.close());

  const lines = await fsp.open(file);
  for await (const line of lines.readLines()) console.log('line', JSON.stringify(line));
  console.log('readLines closed it', lines.fd);

  const disposable = await fsp.open(file);
  await disposable[Symbol.asyncDispose]();
  console.log('disposed', disposable.fd);

  await fsp.writeFile(file, 'abc', { mode: 0o600 });
  await fsp.appendFile(file, 'def');
  console.log('fsp.readFile', await fsp.readFile(file, 'utf8'), Buffer.isBuffer(await fsp.readFile(file)));
  await fsp.writeFile(file, ['x', 'y', Buffer.from('z')]);
  console.log('iterable writeFile', await fsp.readFile(file, { encoding: 'latin1' }));
  await fsp.truncate(file, 1);
  console.log('truncate', await fsp.readFile(file, 'utf8'));
  await fsp.symlink(file, path.join(dir, 'link'));
  console.log('readlink', short(await fsp.readlink(path.join(dir, 'link'))));
  console.log('lstat link', (await fsp.lstat(path.join(dir, 'link'))).isSymbolicLink());
  await fsp.link(file, path.join(dir, 'hard'));
  console.log('nlink', (await fsp.stat(file)).nlink);
  await fsp.chmod(file, '644');
  console.log('chmod', ((await fsp.stat(file)).mode & 0o777).toString(8));
  await fsp.utimes(file, new Date(5000000), 6000);
  console.log('utimes', (await fsp.stat(file)).mtimeMs);
  const sfs = await fsp.statfs(dir);
  console.log('statfs', sfs.constructor.name, Object.keys(sfs).join(), sfs.bsize > 0);
  for (const [label, fn] of [
    ['open missing', () => fsp.open(path.join(dir, 'missing'))],
    ['readFile number', () => fsp.readFile(5)],
    ['writeFile number', () => fsp.writeFile(file, 5)],
    ['chmod bad mode', () => fsp.chmod(file, 'rw')],
    ['lchmod', () => fsp.lchmod(file, 0o600)],
    ['symlink exists', () => fsp.symlink(file, path.join(dir, 'link'))],
    ['readlink not a link', () => fsp.readlink(file)],
  ]) {
    try {
      await fn();
      console.log(label, 'ok');
    } catch (e) {
      console.log(label, e.code, short(e.message));
    }
  }
  fs.rmSync(dir, { recursive: true });
}

main();
