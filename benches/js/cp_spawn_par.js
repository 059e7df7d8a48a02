// 500 x spawn('true'), 32 running at a time.
const { spawn } = require('child_process');
let started = 0;
function one() {
  if (started === 500) return;
  started++;
  spawn('true').on('close', one);
}
for (let i = 0; i < 32; i++) one();
