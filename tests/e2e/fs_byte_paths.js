'use strict';
// Paths as raw bytes: a Buffer path whose bytes are not UTF-8 reaches the syscalls unchanged,
// and names asked for with encoding 'buffer' (or latin1, hex) come back as the bytes on disk.
// Everything happens in a fresh temp directory, removed at the end.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-bytes-'));
const hide = (text) => String(text).split(dir).join('$TMP');
const inDir = (...bytes) => Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(bytes)]);

async function main() {
  const a = inDir(0x61, 0xff, 0x62); // 'a', 0xff, 'b': not UTF-8
  fs.writeFileSync(a, 'first');
  console.log('readdir buffer', fs.readdirSync(dir, 'buffer'));
  console.log('readdir utf8', fs.readdirSync(dir));
  console.log('readdir latin1', fs.readdirSync(dir, { encoding: 'latin1' }));
  console.log('readdir hex', fs.readdirSync(dir, 'hex'));
  const dirents = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  console.log('dirents', dirents.map((d) => [d.name, d.isFile(), hide(d.path)]));
  console.log('exists', fs.existsSync(a), fs.existsSync(path.join(dir, 'a\ufffdb')));
  console.log('stat', fs.statSync(a).size, fs.lstatSync(a).isFile());
  fs.accessSync(a, fs.constants.R_OK);

  const fd = fs.openSync(a, 'r+');
  fs.writeSync(fd, 'F');
  fs.closeSync(fd);
  console.log('read', fs.readFileSync(a, 'utf8'));
  fs.appendFileSync(a, '+more');
  fs.truncateSync(a, 8);
  fs.chmodSync(a, 0o640);
  console.log('mode', (fs.statSync(a).mode & 0o777).toString(8), fs.readFileSync(a, 'utf8'));

  // Rename to another non-UTF-8 name, link and symlink to it.
  const b = inDir(0xfe);
  fs.renameSync(a, b);
  console.log('after rename', fs.readdirSync(dir, 'buffer'));
  fs.linkSync(b, inDir(0xfe, 0x32));
  const link = inDir(0xfe, 0x4c);
  fs.symlinkSync(b, link);
  console.log('readlink', hide(fs.readlinkSync(link, 'buffer').subarray(dir.length).toString('hex')));
  console.log('realpath.native', fs.realpathSync.native(link, 'buffer').subarray(dir.length));
  console.log('lstat link', fs.lstatSync(link).isSymbolicLink(), fs.statSync(link).nlink);
  fs.copyFileSync(link, inDir(0xfe, 0x43));
  console.log('sorted', fs.readdirSync(dir, 'buffer'));

  // A missing byte path: the error names it with U+FFFD for the bytes that are not UTF-8.
  try {
    fs.statSync(inDir(0xfd));
  } catch (err) {
    console.log('error', err.code, err.syscall, hide(err.path), hide(err.message));
  }
  // NUL bytes are refused before any syscall.
  try {
    fs.statSync(Buffer.from('x\0y'));
  } catch (err) {
    console.log('nul', err.code);
  }

  // mkdtemp with a byte prefix, the name given back as bytes; mkdir and rmdir.
  const made = fs.mkdtempSync(inDir(0xfc), 'buffer');
  console.log('mkdtemp', Buffer.isBuffer(made), made[dir.length + 1], made.length - dir.length);
  fs.rmdirSync(made);
  const sub = inDir(0xfb);
  fs.mkdirSync(sub);
  fs.writeFileSync(Buffer.concat([sub, Buffer.from([0x2f, 0xfa])]), '');
  const opened = fs.opendirSync(sub, { encoding: 'buffer' });
  console.log('opendir', opened.readSync().name, opened.readSync());
  opened.closeSync();

  // The callback and promise forms take the same bytes.
  const names = await new Promise((resolve, reject) => {
    fs.readdir(sub, 'buffer', (err, list) => (err ? reject(err) : resolve(list)));
  });
  console.log('callback readdir', names);
  console.log('promises readdir', await fs.promises.readdir(dir, 'buffer'));
  console.log('promises readFile', await fs.promises.readFile(b, 'utf8'));
  const handle = await fs.promises.open(b, 'r');
  console.log('filehandle', (await handle.stat()).size);
  await handle.close();
  await fs.promises.unlink(inDir(0xfe, 0x43));
  console.log('promises readlink', (await fs.promises.readlink(link, 'buffer')).at(-1));

  // Streams open byte paths too.
  const chunks = [];
  for await (const chunk of fs.createReadStream(b)) chunks.push(chunk);
  console.log('stream', Buffer.concat(chunks).toString());

  fs.rmSync(sub, { recursive: true });
  fs.unlinkSync(link);
  fs.unlinkSync(inDir(0xfe, 0x32));
  fs.unlinkSync(b);
  console.log('left', fs.readdirSync(dir));
}

main().finally(() => fs.rmSync(dir, { recursive: true, force: true }));
