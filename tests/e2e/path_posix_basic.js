const path = require('path');
const inputs = ['', '.', '..', '/', '//', 'a', 'a/', '/a/b/c', '/a/b/c/', 'a/b/../c', './x.js', '.bashrc', 'file.tar.gz', 'dir/.hidden', '..foo', 'x.'];
for (const p of inputs) {
  console.log(JSON.stringify(p), [path.basename(p), path.dirname(p), path.extname(p), path.normalize(p), path.isAbsolute(p)].map((v) => JSON.stringify(v)).join(' '));
}
console.log(path.basename('/a/b/file.js', '.js'), path.basename('/a/b/file.js', 'file.js'), path.basename('aaa', 'a'));
console.log(path.sep, path.delimiter, path === path.posix, path.win32.sep);
