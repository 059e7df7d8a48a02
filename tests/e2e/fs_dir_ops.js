// fs directory/link operations (sync, callback, promises) and their Node errors.
const fs = require('fs');
const os = require('os');
const path = require('path');
const t = (name, fn) => { try { console.log(name, fn()); } catch (e) { console.log(name, 'THROWS', e.name, e.code, e.message, e.syscall, e.path, e.dest, e.errno); } };
const base = path.join(__dirname, "fs_ops.tmp");
fs.rmSync(base, { recursive: true, force: true });
t('mkdir rec', () => fs.mkdirSync(`${base}/a/b/c`, { recursive: true }) === base);
t('mkdir rec again', () => fs.mkdirSync(`${base}/a/b/c`, { recursive: true }));
t('mkdir exists', () => fs.mkdirSync(base));
t('mkdir enotdir', () => fs.mkdirSync('/etc/passwd/x', { recursive: true }));
t('mkdir bad opt', () => fs.mkdirSync(base, { recursive: 'yes' }));
fs.writeFileSync(`${base}/a/f.txt`, 'hi');
t('readdir', () => fs.readdirSync(`${base}/a`).sort());
t('readdir types', () => fs.readdirSync(`${base}/a`, { withFileTypes: true }).map((d) => [d.name, d.isFile(), d.isDirectory(), d.parentPath === `${base}/a`]).sort());
t('readdir rec', () => fs.readdirSync(base, { recursive: true }).sort());
t('readdir missing', () => fs.readdirSync(`${base}/nope`).length);
t('lstat', () => fs.lstatSync(`${base}/a/f.txt`).size);
t('lstat missing', () => fs.lstatSync(`${base}/nope`));
t('access', () => fs.accessSync(`${base}/a/f.txt`, fs.constants.R_OK));
t('access missing', () => fs.accessSync(`${base}/nope`));
t('access bad mode', () => fs.accessSync(base, 8));
t('copy', () => fs.copyFileSync(`${base}/a/f.txt`, `${base}/g.txt`));
t('copy excl', () => fs.copyFileSync(`${base}/a/f.txt`, `${base}/g.txt`, fs.constants.COPYFILE_EXCL));
t('rename', () => fs.renameSync(`${base}/g.txt`, `${base}/h.txt`));
t('rename missing', () => fs.renameSync(`${base}/g.txt`, `${base}/i.txt`));
t('unlink', () => fs.unlinkSync(`${base}/h.txt`));
t('unlink missing', () => fs.unlinkSync(`${base}/h.txt`));
t('realpath', () => fs.realpathSync(`${base}/a/../a/f.txt`) === `${fs.realpathSync(base)}/a/f.txt`);
t('mkdtemp', () => path.basename(fs.mkdtempSync(`${base}/tmp-`)).length);
t('rm dir no rec', () => fs.rmSync(`${base}/a`));
t('rm missing', () => fs.rmSync(`${base}/nope`));
t('rm missing force', () => fs.rmSync(`${base}/nope`, { force: true }));
t('rmdir nonempty', () => fs.rmdirSync(`${base}/a`));
t('exists', () => [fs.existsSync(base), fs.existsSync(`${base}/nope`)]);
(async () => {
  await fs.promises.mkdir(`${base}/p/q`, { recursive: true });
  console.log('p readdir', (await fs.promises.readdir(`${base}/p`)));
  try { await fs.promises.rmdir(`${base}/nope`); } catch (e) { console.log('p rmdir', e.code, e.message); }
  fs.readdir(`${base}/p`, { withFileTypes: true }, (err, ents) => {
    console.log('cb readdir', err, ents.map((e) => e.name));
    fs.rm(base, { recursive: true }, (err2) => {
      console.log('cb rm', err2, fs.existsSync(base));
      fs.exists(base, (e) => console.log('exists cb', e));
    });
  });
})();
