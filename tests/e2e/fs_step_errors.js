// Whole-file reads and writes name the step that failed, as Node does: opening reports `open`
// and the path; reading a directory reports `read` without a path.
'use strict';
const fs = require('fs');

const show = (tag, e) => console.log(tag, e.code, e.errno, e.syscall, e.path, '|', e.message);
const sync = (tag, f) => {
  try {
    f();
    console.log(tag, 'no error');
  } catch (e) {
    show(tag, e);
  }
};

sync('readFileSync dir:', () => fs.readFileSync('.'));
sync('readFileSync dir utf8:', () => fs.readFileSync('.', 'utf8'));
sync('readFileSync missing:', () => fs.readFileSync('no-such-file.txt'));
sync('writeFileSync dir:', () => fs.writeFileSync('.', 'x'));
sync('appendFileSync dir:', () => fs.appendFileSync('.', 'x'));
sync('writeFileSync missing dir:', () => fs.writeFileSync('no-such-dir/x.txt', 'x'));

const steps = [
  ['readFile dir:', (cb) => fs.readFile('.', cb)],
  ['readFile dir utf8:', (cb) => fs.readFile('.', 'utf8', cb)],
  ['readFile missing:', (cb) => fs.readFile('no-such-file.txt', cb)],
  ['writeFile dir:', (cb) => fs.writeFile('.', 'x', cb)],
  ['appendFile dir:', (cb) => fs.appendFile('.', 'x', cb)],
  ['promises.readFile dir:', (cb) => fs.promises.readFile('.').then(() => cb(null), cb)],
];
(function next(i) {
  if (i === steps.length) return;
  const [tag, f] = steps[i];
  f((e) => {
    if (e) show(tag, e);
    else console.log(tag, 'no error');
    next(i + 1);
  });
})(0);
