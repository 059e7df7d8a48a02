// File descriptors: open/write/read/fstat/close in sync, callback and promise form, positions,
// string encodings, readv/writev, ftruncate/fsync/fchmod/futimes, and Node's errors.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-fd-'));
const file = path.join(dir, 'data.txt');
const short = (msg) => msg.split(dir).join('<dir>');
const attempt = (label, fn) => {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, short(e.message));
  }
};

// ----- sync -----
const fd = fs.openSync(file, 'w+');
console.log('fd is a number', typeof fd, fd > 2);
console.log('write buffer', fs.writeSync(fd, Buffer.from('hello world')));
console.log('write string at 6', fs.writeSync(fd, 'WORLD', 6));
console.log('write hex', fs.writeSync(fd, '2121', null, 'hex'));
const buf = Buffer.alloc(20);
console.log('read', fs.readSync(fd, buf, 0, 20, 0), JSON.stringify(buf.toString('utf8', 0, 13)));
console.log('read options', fs.readSync(fd, buf, { position: 6, length: 5 }), buf.toString('utf8', 0, 5));
console.log('read bigint position', fs.readSync(fd, buf, 0, 5, 0n), buf.toString('utf8', 0, 5));
const st = fs.fstatSync(fd);
console.log('fstat', st.size, st.isFile(), st instanceof fs.Stats, typeof st.mtimeMs);
console.log('fstat bigint', typeof fs.fstatSync(fd, { bigint: true }).size);
console.log('writev', fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd')], 0));
const a = Buffer.alloc(3);
const b = Buffer.alloc(3);
console.log('readv', fs.readvSync(fd, [a, b], 0), a.toString(), b.toString());
fs.ftruncateSync(fd, 4);
fs.fsyncSync(fd);
fs.fdatasyncSync(fd);
fs.fchmodSync(fd, 0o600);
fs.futimesSync(fd, 1000000, new Date(2000000 * 1000));
const after = fs.fstatSync(fd);
console.log('after', after.size, (after.mode & 0o777).toString(8), after.mtimeMs, after.atimeMs);
fs.closeSync(fd);
console.log('readFileSync is a Buffer', Buffer.isBuffer(fs.readFileSync(file)), String(fs.readFileSync(file)));

// ----- errors -----
attempt('closed fd', () => fs.fstatSync(fd));
attempt('close twice', () => fs.closeSync(fd));
attempt('negative fd', () => fs.readSync(-1, buf));
attempt('string fd', () => fs.closeSync('3'));
attempt('fraction fd', () => fs.closeSync(1.5));
attempt('missing file', () => fs.openSync(path.join(dir, 'nope')));
attempt('bad flags', () => fs.openSync(file, 'rw'));
attempt('bad mode', () => fs.openSync(file, 'r', 'abc'));
attempt('null byte', () => fs.openSync(`${file}\u0000x`));
attempt('exclusive', () => fs.openSync(file, 'wx'));
attempt('read length', () => fs.readSync(0, Buffer.alloc(4), 0, 5, 0));
attempt('read position', () => fs.readSync(0, Buffer.alloc(4), 0, 1, -2));
attempt('read empty buffer', () => fs.readSync(0, Buffer.alloc(0), 0, 1, 0));
attempt('read not a buffer', () => fs.readSync(0, 'abc'));
attempt('write offset', () => fs.writeSync(1, Buffer.alloc(4), 5));
attempt('write object', () => fs.writeSync(1, {}));
attempt('writev not views', () => fs.writevSync(1, ['a']));
attempt('ftruncate len', () => fs.ftruncateSync(0, 'x'));
attempt('fchown uid', () => fs.fchownSync(0, -2, 0));
attempt('futimes time', () => fs.futimesSync(0, 'soon', 0));
attempt('open callback', () => fs.open(file, 'r'));

// ----- callbacks -----
fs.open(file, 'r+', (err, cfd) => {
  console.log('cb open', err, typeof cfd);
  fs.write(cfd, 'xy', 0, 'utf8', (err, written, str) => {
    console.log('cb write string', err, written, str);
    fs.read(cfd, Buffer.alloc(8), 0, 8, 0, (err, n, b) => {
      console.log('cb read', err, n, b.toString('utf8', 0, n));
      fs.read(cfd, { buffer: Buffer.alloc(2), position: 1 }, (err, n2, b2) => {
        console.log('cb read options', err, n2, b2.toString());
        fs.fstat(cfd, (err, cst) => {
          console.log('cb fstat', err, cst.size);
          fs.writev(cfd, [Buffer.from('1'), Buffer.from('2')], 4, (err, n3, bufs) => {
            console.log('cb writev', err, n3, bufs.length);
            fs.ftruncate(cfd, 5, (err) => {
              console.log('cb ftruncate', err);
              fs.close(cfd, (err) => {
                console.log('cb close', err, fs.readFileSync(file, 'latin1'));
                fs.fstat(cfd, (err) => {
                  console.log('cb fstat closed', err.code, err.syscall, err.errno);
                  promises();
                });
              });
            });
          });
        });
      });
    });
  });
});

// ----- promises (util.promisify and fs.promises) -----
async function promises() {
  const { promisify } = require('util');
  const pfd = await promisify(fs.open)(file, 'r');
  console.log('promisified read', await promisify(fs.read)(pfd, Buffer.alloc(3), 0, 3, 0));
  await promisify(fs.close)(pfd);
  const h = await fs.promises.open(file, 'a+');
  console.log('handle append', await h.write('!'));
  console.log('handle read', await h.read(Buffer.alloc(6), 0, 6, 0));
  console.log('handle stat', (await h.stat()).size);
  await h.close();
  try {
    await fs.promises.open(path.join(dir, 'none', 'x'));
  } catch (e) {
    console.log('promise open', e.code, e.syscall, short(e.message));
  }
  fs.rmSync(dir, { recursive: true });
  console.log('done');
}
