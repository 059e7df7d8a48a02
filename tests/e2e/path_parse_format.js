const path = require('path');
for (const p of ['/home/user/dir/file.txt', 'file', '/', '//x', './a.b.c', '/..', '.profile', 'dir/']) {
  console.log(JSON.stringify(p), path.parse(p));
}
console.log(path.format({ root: '/', dir: '/home/user', base: 'file.txt' }));
console.log(path.format({ root: '/', name: 'file', ext: 'txt' }));
console.log(path.format({ name: 'x', ext: '.js' }), path.format({ dir: 'd', base: 'b', name: 'ignored' }));
console.log(path.format(path.parse('/a/b.c')));
