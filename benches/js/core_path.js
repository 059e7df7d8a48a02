// path.join and path.resolve, 1M each.
const path = require('path');
let n = 0;
for (let i = 0; i < 1e6; i++) {
  n += path.join('/usr', 'local', '..', 'lib', `f${i & 7}.js`).length;
  n += path.resolve('/a/b', './c', `../d${i & 7}`).length;
}
if (n === 0) throw new Error('unreachable');
