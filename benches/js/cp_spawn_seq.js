// 500 x spawn('true'), one after another.
const { spawn } = require('child_process');
let left = 500;
(function next() {
  if (left-- === 0) return;
  spawn('true').on('close', next);
})();
