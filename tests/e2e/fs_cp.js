// fs.cp / cpSync / fs.promises.cp: trees with links, filter, force/errorOnExist, timestamps,
// and the SystemErrors Node gives for impossible copies.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-cp-'));
const short = (msg) => msg.split(dir).join('<dir>');
const src = path.join(dir, 'src');
fs.mkdirSync(path.join(src, 'a', 'b'), { recursive: true });
fs.writeFileSync(path.join(src, 'top.txt'), 'top');
fs.writeFileSync(path.join(src, 'a', 'mid.js'), 'mid');
fs.writeFileSync(path.join(src, 'a', 'b', 'deep.txt'), 'deep', { mode: 0o444 });
fs.symlinkSync('top.txt', path.join(src, 'rel-link'));
fs.utimesSync(path.join(src, 'top.txt'), 1000, 2000);

const list = (root) => {
  const out = [];
  const walk = (d, rel) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      const r = rel ? `${rel}/${name}` : name;
      if (st.isSymbolicLink()) out.push(`${r} -> ${short(fs.readlinkSync(p))}`);
      else if (st.isDirectory()) { out.push(`${r}/`); walk(p, r); }
      else out.push(`${r} ${fs.readFileSync(p, 'utf8')} ${(st.mode & 0o777).toString(8)}`);
    }
  };
  walk(root, '');
  return out.join(', ');
};

fs.cpSync(src, path.join(dir, 'copy1'), { recursive: true, preserveTimestamps: true });
console.log('cpSync', list(path.join(dir, 'copy1')));
console.log('timestamps kept', fs.statSync(path.join(dir, 'copy1', 'top.txt')).mtimeMs);
fs.cpSync(src, path.join(dir, 'copy2'), { recursive: true, verbatimSymlinks: true,
  filter: (p) => !p.endsWith('.js') });
console.log('filter + verbatim', list(path.join(dir, 'copy2')));
fs.cpSync(path.join(src, 'top.txt'), path.join(dir, 'new', 'parents', 'top.txt'));
console.log('creates parents', fs.readFileSync(path.join(dir, 'new', 'parents', 'top.txt'), 'utf8'));

const attempt = (label, fn) => {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, short(e.message), e.info && e.info.errno);
  }
};
attempt('same', () => fs.cpSync(src, src));
attempt('no recursive', () => fs.cpSync(src, path.join(dir, 'x')));
attempt('dir over file', () => fs.cpSync(src, path.join(src, 'top.txt'), { recursive: true }));
attempt('file over dir', () => fs.cpSync(path.join(src, 'top.txt'), path.join(dir, 'copy1', 'a')));
attempt('into itself', () => fs.cpSync(src, path.join(src, 'a', 'inside'), { recursive: true }));
attempt('exists', () => fs.cpSync(path.join(src, 'top.txt'), path.join(dir, 'copy1', 'top.txt'),
  { force: false, errorOnExist: true }));
attempt('async filter', () => fs.cpSync(src, path.join(dir, 'y'), { recursive: true, filter: async () => true }));
attempt('options', () => fs.cpSync(src, path.join(dir, 'y'), 'r'));
attempt('pair', () => fs.cpSync(src, path.join(dir, 'y'), { dereference: true, verbatimSymlinks: true }));
attempt('missing', () => fs.cpSync(path.join(dir, 'nope'), path.join(dir, 'y')));

fs.cp(src, path.join(dir, 'copy3'), { recursive: true, dereference: true }, (err) => {
  console.log('cp', err, list(path.join(dir, 'copy3')));
  fs.cp(src, src, (err) => {
    console.log('cp same', err.code);
    fs.promises.cp(path.join(src, 'a'), path.join(dir, 'copy4'), { recursive: true,
      filter: async (p) => !p.endsWith('deep.txt') }).then((value) => {
      console.log('promises.cp', value, list(path.join(dir, 'copy4')));
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
});
