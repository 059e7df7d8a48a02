// Path operations beside descriptors: chmod/chown/lchown/utimes/lutimes/truncate (also of an fd,
// deprecated), symlink/readlink/link, statfs; readFile/writeFile/appendFile on descriptors and
// with flags; every read a Buffer; and their errors.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-paths-'));
const short = (msg) => msg.split(dir).join('<dir>');
const file = path.join(dir, 'f.txt');
const attempt = (label, fn) => {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined ? '' : r);
  } catch (e) {
    console.log(label, e.code, short(e.message));
  }
};
process.on('warning', (w) => console.log('warning', w.name, w.code));

fs.writeFileSync(file, 'some text');
const buf = fs.readFileSync(file);
console.log('Buffer', Buffer.isBuffer(buf), `${buf}`, buf.toString('base64'));
console.log('lchmod on Linux', 'lchmod' in fs, fs.lchmod, fs.lchmodSync);

fs.chmodSync(file, 0o604);
console.log('chmod', (fs.statSync(file).mode & 0o777).toString(8));
const me = fs.statSync(file);
fs.chownSync(file, me.uid, me.gid);
fs.utimesSync(file, 100, new Date(200000));
const t = fs.statSync(file);
console.log('utimes', t.atimeMs, t.mtimeMs, t.mtime.toISOString());
fs.truncateSync(file, 4);
console.log('truncate', fs.readFileSync(file, 'utf8'));
fs.truncateSync(file);
console.log('truncate to 0', fs.statSync(file).size);

const link = path.join(dir, 'sym');
fs.symlinkSync('f.txt', link);
console.log('readlink', fs.readlinkSync(link), fs.readlinkSync(link, 'buffer'));
fs.lutimesSync(link, 5, 6);
console.log('lutimes', fs.lstatSync(link).mtimeMs, fs.statSync(link).mtimeMs !== 6000);
fs.lchownSync(link, me.uid, me.gid);
fs.linkSync(file, path.join(dir, 'hard'));
console.log('link', fs.statSync(file).nlink);
const sfs = fs.statfsSync(dir);
console.log('statfs', sfs.constructor.name, 'StatFs' in fs, typeof sfs.bavail, typeof fs.statfsSync(dir, { bigint: true }).blocks);

attempt('chmod missing', () => fs.chmodSync(path.join(dir, 'no'), 0o600));
attempt('chmod mode', () => fs.chmodSync(file, 'abc'));
attempt('chmod mode range', () => fs.chmodSync(file, -1));
attempt('chown uid', () => fs.chownSync(file, 'root', 0));
attempt('utimes time', () => fs.utimesSync(file, {}, 0));
attempt('truncate len', () => fs.truncateSync(file, null));
attempt('truncate missing', () => fs.truncateSync(path.join(dir, 'no')));
attempt('symlink type', () => fs.symlinkSync('a', path.join(dir, 'x'), 'folder'));
attempt('symlink exists', () => fs.symlinkSync('a', link));
attempt('readlink file', () => fs.readlinkSync(file));
attempt('link missing', () => fs.linkSync(path.join(dir, 'no'), path.join(dir, 'y')));
attempt('statfs missing', () => fs.statfsSync(path.join(dir, 'no')));
attempt('null byte', () => fs.chmodSync('a\u0000b', 0o600));
attempt('path type', () => fs.readlinkSync(5));

// Whole files on descriptors and with flags.
const fd = fs.openSync(file, 'r+');
fs.writeFileSync(fd, 'first ');
fs.appendFileSync(fd, 'second');
fs.writeSync(fd, '', 0);
console.log('fd whole-file', fs.readFileSync(file, 'utf8'), JSON.stringify(fs.readFileSync(fd, 'utf8')));
fs.closeSync(fd);
attempt('wx on existing', () => fs.writeFileSync(file, 'x', { flag: 'wx' }));
attempt('a+ creates', () => fs.readFileSync(path.join(dir, 'created'), { flag: 'a+' }).length);
attempt('bad flag', () => fs.readFileSync(file, { flag: 'q' }));
attempt('bad encoding', () => fs.readFileSync(file, 'latin2'));
attempt('data type', () => fs.writeFileSync(file, 42));
attempt('flush type', () => fs.writeFileSync(file, 'x', { flush: 'yes' }));

// Callback forms.
fs.chmod(file, 0o600, (err) => {
  console.log('cb chmod', err);
  fs.truncate(file, 3, (err) => {
    console.log('cb truncate', err, fs.readFileSync(file, 'utf8'));
    const tfd = fs.openSync(file, 'r+');
    fs.truncate(tfd, 1, (err) => {
      console.log('cb truncate fd', err, fs.readFileSync(file, 'utf8'));
      fs.closeSync(tfd);
      fs.readlink(link, (err, target) => {
        console.log('cb readlink', err, target);
        fs.statfs(dir, (err, s) => {
          console.log('cb statfs', err, s.constructor.name);
          fs.utimes(file, 1, 2, (err) => {
            console.log('cb utimes', err, fs.statSync(file).mtimeMs);
            fs.readFile(file, { flag: 'r+' }, (err, data) => {
              console.log('cb readFile flag', err, Buffer.isBuffer(data), data.toString());
              const afd = fs.openSync(file, 'a');
              fs.appendFile(afd, '+more', (err) => {
                fs.closeSync(afd);
                console.log('cb appendFile fd', err, fs.readFileSync(file, 'utf8'));
                fs.symlink('x', link, (err) => {
                  console.log('cb symlink', err.code, err.syscall, short(err.path), short(err.dest));
                  fs.rmSync(dir, { recursive: true });
                  console.log('done');
                });
              });
            });
          });
        });
      });
    });
  });
});
