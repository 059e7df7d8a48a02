const path = require('path');
const cases = ['a//b', 'a/./b', 'a/../../b', '../../a', '/../a', './', './/', 'a/b/c/../../..', 'a/b/c/../../../..', '///a///b///', 'a/..', '/a/..', 'a/b/./.', 'foo/.../bar', '..a/b', 'a/b..', '....'];
for (const c of cases) {
  console.log(JSON.stringify(c).padEnd(24), JSON.stringify(path.posix.normalize(c)).padEnd(20), JSON.stringify(path.win32.normalize(c)));
}
