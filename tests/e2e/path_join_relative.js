const path = require('path');
console.log(path.join(), path.join(''), path.join('a', 'b', '../c', './d'), path.join('/a/', '/b/'), path.join('a', '', 'b'));
console.log(path.relative('/a/b/c', '/a/d'), JSON.stringify(path.relative('/a', '/a')), path.relative('/', '/x/y'), path.relative('/x/y', '/'));
console.log(path.relative(process.cwd(), path.resolve('sub/dir', '../file.txt')));
console.log(path.relative(process.cwd(), path.resolve()) === '', path.isAbsolute(path.resolve('x')));
console.log(path.resolve('/root', 'a', '../b'), path.resolve('/x', '/y', 'z'));
console.log(path.toNamespacedPath('/x/y'), path.toNamespacedPath(5));
