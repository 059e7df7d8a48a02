const { win32 } = require('path');
const inputs = ['C:\\foo\\bar.txt', 'C:', 'C:\\', 'c:foo', '\\\\server\\share\\dir\\f', '\\\\server\\share', '//server/share/', '\\\\?\\C:\\x', '\\\\.\\pipe\\p', 'a/b\\c', '\\', '/', 'CON:', 'a:b', 'x/y:'];
for (const p of inputs) {
  console.log(JSON.stringify(p), [win32.basename(p), win32.dirname(p), win32.extname(p), win32.normalize(p), win32.isAbsolute(p)].map((v) => JSON.stringify(v)).join(' '));
  console.log('  parse', JSON.stringify(win32.parse(p)));
}
console.log(win32.join('C:\\a', '..\\b', 'c'), win32.join('\\\\server', 'share'), win32.join('//', 'x'));
console.log(win32.relative('C:\\a\\b', 'C:\\a\\c\\d'), win32.relative('C:\\A', 'c:\\a\\B'), win32.relative('C:\\x', 'D:\\y'));
console.log(win32.resolve('C:\\a', 'b', '..\\c'), win32.resolve('C:\\x', 'D:\\y', 'z'));
console.log(win32.toNamespacedPath('C:\\a\\b'), win32.toNamespacedPath('\\\\srv\\share\\f'));
console.log(win32.format({ root: 'C:\\', name: 'n', ext: 'e' }), win32.sep, win32.delimiter);
